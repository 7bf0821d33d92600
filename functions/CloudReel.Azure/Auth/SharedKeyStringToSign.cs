using System.Text;

namespace CloudReel.Azure.Auth;

/// <summary>
/// The string a Shared Key request signature covers, for the Blob and Queue services (version
/// 2009-09-19 and later): the verb, twelve standard headers, the canonicalized x-ms- headers and
/// the canonicalized resource. Pure, so it can be checked against the documented examples.
/// </summary>
public static class SharedKeyStringToSign
{
    private static readonly string[] StandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    /// <param name="method">The HTTP verb, upper case.</param>
    /// <param name="uri">The request URI (path percent-encoded as sent).</param>
    /// <param name="accountName">The account that signs.</param>
    /// <param name="headers">Every header of the request, by name (any letter case).</param>
    public static string Build(string method, Uri uri, string accountName, IReadOnlyCollection<KeyValuePair<string, string>> headers)
    {
        var text = new StringBuilder(method.ToUpperInvariant()).Append('\n');
        foreach (var name in StandardHeaders)
        {
            var value = headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

            // Since version 2015-02-21 a zero Content-Length is signed as empty.
            if (name == "Content-Length" && value == "0") value = null;
            text.Append(value).Append('\n');
        }

        return text.Append(CanonicalizedHeaders(headers)).Append(CanonicalizedResource(uri, accountName)).ToString();
    }

    /// <summary>Every x-ms- header, lower-cased, sorted, "name:value\n" with the value trimmed.</summary>
    public static string CanonicalizedHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var text = new StringBuilder();
        var msHeaders = headers
            .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: h.Value.Trim()))
            .OrderBy(h => h.Name, StringComparer.Ordinal);
        foreach (var (name, value) in msHeaders)
        {
            text.Append(name).Append(':').Append(value).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// "/account" + the encoded path, then every query parameter on its own line as
    /// "name:value[,value…]" with names lower-cased and sorted, values decoded and sorted.
    /// </summary>
    public static string CanonicalizedResource(Uri uri, string accountName)
    {
        var text = new StringBuilder("/").Append(accountName).Append(uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath);
        var parameters = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (!parameters.TryGetValue(name, out var values)) parameters[name] = values = [];
            values.Add(value);
        }

        foreach (var (name, values) in parameters)
        {
            values.Sort(StringComparer.Ordinal);
            text.Append('\n').Append(name).Append(':').Append(string.Join(',', values));
        }

        return text.ToString();
    }
}
