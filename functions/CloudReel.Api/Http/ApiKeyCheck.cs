using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Http;

/// <summary>
/// The API key of `cloudreel serve`: sent in x-api-key, or in x-functions-key as Azure's function keys
/// are, so one client works against both homes. Compared in constant time; never logged.
/// </summary>
public sealed class ApiKeyCheck(string key)
{
    public const string Header = "x-api-key";
    public const string FunctionsHeader = "x-functions-key";

    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public bool IsAuthorized(HttpRequest request)
    {
        var presented = request.Headers[Header].FirstOrDefault() ?? request.Headers[FunctionsHeader].FirstOrDefault();
        if (string.IsNullOrEmpty(presented)) return false;
        return CryptographicOperations.FixedTimeEquals(_expected, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
    }
}
