using System.ClientModel;
using System.ClientModel.Primitives;
using CloudReel.Models.AzureOpenAI;
using CloudReel.Models.Configuration;
using OpenAI;
using OpenAI.Chat;

namespace CloudReel.Models.Chat;

/// <summary>
/// A chat client on an Azure OpenAI deployment's v1 endpoint (<c>https://&lt;resource&gt;.openai.azure.com/openai/v1/</c>),
/// with Azure's api-key or Entra ID token on every request. Disposing it lets go of the credential.
/// </summary>
public sealed class AzureChatClient : IDisposable
{
    private readonly AzureCredential _credential;

    public AzureChatClient(ChatDeploymentOptions options, AzureOpenAIOptions models, HttpClient? http = null)
    {
        var resource = options.Resource(models);
        Deployment = options.Deployment ?? throw new ArgumentException("The chat deployment is not set.", nameof(options));
        var endpoint = resource.Endpoint ?? throw new ArgumentException("The chat deployment needs an endpoint (its own Endpoint or Models:AzureOpenAI:Endpoint).", nameof(options));
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(endpoint.TrimEnd('/') + "/openai/v1/"),
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
        };
        if (http is not null) clientOptions.Transport = new HttpClientPipelineTransport(http);
        _credential = new AzureCredential(resource);
        clientOptions.AddPolicy(new AzureHeaderPolicy(_credential), PipelinePosition.BeforeTransport);
        // The client insists on a key of its own; AzureHeaderPolicy replaces it with Azure's credential.
        Chat = new ChatClient(Deployment, new ApiKeyCredential("azure"), clientOptions);
    }

    public string Deployment { get; }

    public ChatClient Chat { get; }

    public void Dispose() => _credential.Dispose();
}
