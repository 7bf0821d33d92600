using Azure.Core;
using Azure.Core.Pipeline;
using CloudReel.Azure.Auth;

namespace CloudReel.Azure.Storage;

/// <summary>
/// The HttpPipeline every Storage request goes through: the service version on each call, then per
/// attempt the credential (Shared Key signature or an Entra ID bearer token for the storage scope).
/// </summary>
public static class StoragePipeline
{
    /// <summary>The Entra ID scope of Azure Storage.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    public static HttpPipeline Build(StorageAccount account, StorageClientOptions options)
    {
        HttpPipelinePolicy auth = account.Key is { } key
            ? new SharedKeyPolicy(key, options.Time)
            : new BearerTokenAuthenticationPolicy(account.Credential!, StorageScope);
        return HttpPipelineBuilder.Build(options, [new ServiceVersionPolicy()], [auth], new ResponseClassifier());
    }

    private sealed class ServiceVersionPolicy : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) =>
            message.Request.Headers.SetValue("x-ms-version", StorageClientOptions.ServiceVersion);
    }
}
