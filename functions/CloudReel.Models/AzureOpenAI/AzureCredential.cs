using Azure.Core;
using Azure.Identity;
using CloudReel.Models.Configuration;

namespace CloudReel.Models.AzureOpenAI;

/// <summary>
/// The header an Azure AI request carries: its key header (<c>api-key</c> for Azure OpenAI,
/// <c>Ocp-Apim-Subscription-Key</c> for Speech), or an Entra ID bearer token reused until five
/// minutes before it expires.
/// </summary>
public sealed class AzureCredential : IDisposable
{
    private static readonly TimeSpan Renew = TimeSpan.FromMinutes(5);
    private readonly string? _apiKey;
    private readonly TokenCredential? _tokens;
    private readonly string _scope;
    private readonly string _keyHeader = "api-key";
    private readonly Func<string, string> _bearer = token => token;
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

    /// <param name="keyHeader">The header the key goes in.</param>
    /// <param name="apiKey">The key, when Entra ID is not used.</param>
    /// <param name="useEntraId">Sign in with Entra ID (managed identity or developer sign-in) instead of the key.</param>
    /// <param name="managedIdentityClientId">A user-assigned managed identity's client id.</param>
    /// <param name="scope">The token's scope.</param>
    /// <param name="bearer">Turns a token into the bearer value the service wants (Speech's 'aad#resource#token').</param>
    /// <param name="tokens">The token source (tests pass their own).</param>
    public AzureCredential(string keyHeader, string? apiKey, bool useEntraId, string? managedIdentityClientId, string scope, Func<string, string>? bearer = null, TokenCredential? tokens = null)
    {
        _keyHeader = keyHeader;
        _scope = scope;
        _bearer = bearer ?? _bearer;
        if (useEntraId)
        {
            _tokens = tokens ?? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = managedIdentityClientId });
        }
        else
        {
            _apiKey = apiKey;
        }
    }

    public void Dispose() => _gate.Dispose();

    public async ValueTask<(string Name, string Value)> HeaderAsync(CancellationToken cancellationToken)
    {
        if (_tokens is null) return (_keyHeader, _apiKey ?? "");
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is not { } token || token.ExpiresOn - DateTimeOffset.UtcNow < Renew)
            {
                _current = token = await _tokens.GetTokenAsync(new TokenRequestContext([_scope]), cancellationToken);
            }

            return ("Authorization", "Bearer " + _bearer(token.Token));
        }
        finally
        {
            _gate.Release();
        }
    }
}
