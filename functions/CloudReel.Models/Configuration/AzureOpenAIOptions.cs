using Microsoft.Extensions.Options;

namespace CloudReel.Models.Configuration;

/// <summary>
/// An Azure OpenAI resource, section <c>Models:AzureOpenAI</c>: its endpoint, and an api-key or
/// Microsoft Entra ID (managed identity, az login…). Sora 2 and Sora 1 are deployments on it and
/// share its jobs-per-resource limit.
/// </summary>
public sealed class AzureOpenAIOptions
{
    /// <summary>https://&lt;resource&gt;.openai.azure.com</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Authenticate with Microsoft Entra ID (DefaultAzureCredential) instead of an api-key.</summary>
    public bool UseEntraId { get; set; }

    /// <summary>The user-assigned managed identity to use with Entra ID, if any.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Token scope for Entra ID; the Sora quickstarts and SDK samples use Cognitive Services'.</summary>
    public string Scope { get; set; } = "https://cognitiveservices.azure.com/.default";

    /// <summary>Sora 2 (POST /openai/v1/videos), section <c>Models:AzureOpenAI:Sora2</c>.</summary>
    [ValidateObjectMembers]
    public SoraOptions Sora2 { get; set; } = new() { Deployment = "sora-2" };

    /// <summary>Sora 1 preview jobs (POST /openai/v1/video/generations/jobs), section <c>Models:AzureOpenAI:Sora1</c>.</summary>
    [ValidateObjectMembers]
    public SoraOptions Sora1 { get; set; } = new() { Deployment = "sora", ApiVersion = "preview" };

    public bool HasCredential => !string.IsNullOrWhiteSpace(ApiKey) || UseEntraId;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && HasCredential;
}

/// <summary>One Sora deployment on an Azure OpenAI resource.</summary>
public sealed class SoraOptions : ServiceOptions
{
    /// <summary>The deployment name, sent as "model".</summary>
    public string? Deployment { get; set; }

    /// <summary>Set false to leave this model out even though the resource is configured.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The api-version query value: "preview" for Sora 1 jobs; none for Sora 2 by default (whether
    /// /openai/v1/videos needs one is UNCONFIRMED; services accept both).
    /// </summary>
    public string? ApiVersion { get; set; }
}
