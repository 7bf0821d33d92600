using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using CloudReel.Azure.Storage;

namespace CloudReel.Azure.Auth;

/// <summary>
/// Signs every attempt of a request with the account key (Shared Key authorization): a fresh
/// x-ms-date, then Authorization: SharedKey account:signature. A per-retry policy, so a retried
/// request is signed again with its own date.
/// </summary>
public sealed class SharedKeyPolicy(SharedKey key, TimeProvider? time = null) : HttpPipelineSynchronousPolicy
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.SetValue("x-ms-date", _time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        var headers = request.Headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList();
        if (request.Content is { } content && content.TryComputeLength(out var length) && !headers.Any(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
        {
            headers.Add(new("Content-Length", length.ToString(CultureInfo.InvariantCulture)));
        }

        var stringToSign = SharedKeyStringToSign.Build(request.Method.Method, request.Uri.ToUri(), key.AccountName, headers);
        request.Headers.SetValue(HttpHeader.Names.Authorization, $"SharedKey {key.AccountName}:{key.Sign(stringToSign)}");
    }
}
