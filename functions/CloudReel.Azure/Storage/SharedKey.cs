using System.Security.Cryptography;
using System.Text;

namespace CloudReel.Azure.Storage;

/// <summary>An account name and its key. The key is only ever used to sign; it is never printed.</summary>
public sealed class SharedKey
{
    private readonly byte[] _key;

    private SharedKey(string accountName, byte[] key)
    {
        AccountName = accountName;
        _key = key;
    }

    public string AccountName { get; }

    public static SharedKey FromBase64(string accountName, string base64Key)
    {
        try
        {
            return new SharedKey(accountName, Convert.FromBase64String(base64Key));
        }
        catch (FormatException)
        {
            throw new FormatException($"The account key of '{accountName}' is not base64.");
        }
    }

    /// <summary>Base64 of HMAC-SHA256 over the UTF-8 text, as every Storage signature is made.</summary>
    public string Sign(string stringToSign) => Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));

    public override string ToString() => $"shared key of '{AccountName}'";
}
