using Azure.Core;
using Azure.Identity;
using CloudReel.Models.Configuration;

namespace CloudReel.Models.AzureOpenAI;

/// <summary>
/// The header an Azure OpenAI request carries: <c>api-key</c>, or an Entra ID bearer token reused
/// until five minutes before it expires.
/// </summary>
public sealed class AzureCredential : IDisposable
{
    private static readonly TimeSpan Renew = TimeSpan.FromMinutes(5);
    private readonly string? _apiKey;
    private readonly TokenCredential? _tokens;
    private readonly string _scope;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken? _current;

    public AzureCredential(AzureOpenAIOptions options, TokenCredential? tokens = null)
    {
        _scope = options.Scope;
        if (options.UseEntraId)
        {
            _tokens = tokens ?? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
        }
        else
        {
            _apiKey = options.ApiKey;
        }
    }

    public void Dispose() => _gate.Dispose();

    public async ValueTask<(string Name, string Value)> HeaderAsync(CancellationToken cancellationToken)
    {
        if (_tokens is null) return ("api-key", _apiKey ?? "");
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is not { } token || token.ExpiresOn - DateTimeOffset.UtcNow < Renew)
            {
                _current = token = await _tokens.GetTokenAsync(new TokenRequestContext([_scope]), cancellationToken);
            }

            return ("Authorization", "Bearer " + token.Token);
        }
        finally
        {
            _gate.Release();
        }
    }
}
