namespace CloudReel.Functions.Hosting;

/// <summary>
/// Every app setting this app reads, by configuration key ("__" between sections in the app settings).
/// bicep/modules/function-app.bicep sets each of them; a test in tests/CloudReel.Functions.Tests holds the two together.
/// </summary>
public static class AppSettings
{
    /// <summary>The clip store's Blob endpoint, reached with the app's managed identity (AZURE_CLIENT_ID).</summary>
    public const string BlobEndpoint = "Storage:BlobEndpoint";

    /// <summary>Local runs only (func start against Azurite): a connection string instead of the endpoint.</summary>
    public const string StorageConnectionString = "Storage:ConnectionString";

    /// <summary>The user-assigned identity every Azure client signs in as (DefaultAzureCredential reads it).</summary>
    public const string ManagedIdentityClientId = "AZURE_CLIENT_ID";

    /// <summary>The queue the assembler container job scales on.</summary>
    public const string AssemblyQueue = "Assembly:Queue";

    /// <summary>Minutes a film waits for the assembler before it fails with the reason.</summary>
    public const string QueuedAssemblyTimeout = "Api:QueuedAssemblyTimeoutMinutes";

    /// <summary>Hours a model slot's holder may go unseen before it is dropped.</summary>
    public const string SlotStaleAfterHours = "Slots:StaleAfterHours";

    /// <summary>Where film events go (an Event Grid topic endpoint; Entra ID).</summary>
    public const string EventGridEndpoint = "Events:EventGrid:Endpoint";

    /// <summary>The Azure OpenAI resource for Sora and the planner, reached with the managed identity.</summary>
    public const string AzureOpenAIEndpoint = "Models:AzureOpenAI:Endpoint";

    public const string AzureOpenAIUseEntraId = "Models:AzureOpenAI:UseEntraId";

    public const string AzureOpenAIIdentity = "Models:AzureOpenAI:ManagedIdentityClientId";

    public const string SoraDeployment = "Models:AzureOpenAI:Sora2:Deployment";

    public const string PlannerDeployment = "Planner:Deployment";

    /// <summary>The other services' keys: Key Vault references, never values.</summary>
    public const string KlingAccessKey = "Models:Kling:AccessKey";

    public const string KlingSecretKey = "Models:Kling:SecretKey";

    public const string ViduApiKey = "Models:Vidu:ApiKey";

    public const string SeedanceApiKey = "Models:Seedance:ApiKey";

    public const string CogVideoXApiKey = "Models:CogVideoX:ApiKey";

    /// <summary>The Durable Task hub (host.json names it; its state lives in AzureWebJobsStorage, the extension's Azure Storage backend).</summary>
    public const string TaskHub = "TASKHUB_NAME";

    public const string Sora1Enabled = "Models:AzureOpenAI:Sora1:Enabled";

    /// <summary>Settings only a local run (`func start` against Azurite) uses; Azure never sets them.</summary>
    public static readonly IReadOnlyList<string> LocalOnly = [StorageConnectionString];
}
