namespace CloudReel.Models.Configuration;

/// <summary>
/// The language-model planner, section <c>Planner</c>: an Azure OpenAI chat deployment that supports
/// structured output. Endpoint and credentials default to <c>Models:AzureOpenAI</c>'s. Without a
/// deployment the rule-based planner plans.
/// </summary>
public sealed class PlannerOptions
{
    /// <summary>The chat deployment, e.g. "gpt-4o-mini"; setting it turns the planner on.</summary>
    public string? Deployment { get; set; }

    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    public bool? UseEntraId { get; set; }

    public string? ManagedIdentityClientId { get; set; }

    public string Scope { get; set; } = "https://cognitiveservices.azure.com/.default";

    public double TimeoutSeconds { get; set; } = 120;

    /// <summary>These options with the resource's endpoint and credential filled in where they are not set.</summary>
    public AzureOpenAIOptions Resource(AzureOpenAIOptions models) => new()
    {
        Endpoint = Endpoint ?? models.Endpoint,
        ApiKey = ApiKey ?? (Endpoint is null ? models.ApiKey : null),
        UseEntraId = UseEntraId ?? (Endpoint is null && models.UseEntraId),
        ManagedIdentityClientId = ManagedIdentityClientId ?? models.ManagedIdentityClientId,
        Scope = Scope,
    };
}
