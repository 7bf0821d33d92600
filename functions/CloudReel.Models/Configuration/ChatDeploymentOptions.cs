using System.ComponentModel.DataAnnotations;

namespace CloudReel.Models.Configuration;

/// <summary>
/// An Azure OpenAI chat deployment (the planner's, the judge's). Endpoint and credentials default
/// to <c>Models:AzureOpenAI</c>'s; without a deployment the feature is off.
/// </summary>
public abstract class ChatDeploymentOptions
{
    /// <summary>The chat deployment, e.g. "gpt-4o-mini"; setting it turns the feature on.</summary>
    public string? Deployment { get; set; }

    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    public bool? UseEntraId { get; set; }

    public string? ManagedIdentityClientId { get; set; }

    public string Scope { get; set; } = "https://cognitiveservices.azure.com/.default";

    [Range(1, 3600)]
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

    /// <summary>Whether a deployment is named and the resource it is on can be reached.</summary>
    public bool IsOn(AzureOpenAIOptions models) => !string.IsNullOrWhiteSpace(Deployment) && Resource(models).IsConfigured;
}
