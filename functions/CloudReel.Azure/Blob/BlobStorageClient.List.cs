using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using CloudReel.Azure.Sas;
using CloudReel.Azure.Storage;

namespace CloudReel.Azure.Blob;

/// <summary>Listings and the user delegation key.</summary>
public sealed partial class BlobStorageClient
{
    /// <summary>Every blob whose name starts with <paramref name="prefix"/>, page by page, in the service's (ordinal) order.</summary>
    public async IAsyncEnumerable<BlobItem> ListAsync(
        string container, string prefix, int pageSize = 5000, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? marker = null;
        do
        {
            using var message = Create(RequestMethod.Get, ContainerUri(container));
            message.Request.Uri.AppendQuery("restype", "container");
            message.Request.Uri.AppendQuery("comp", "list");
            if (prefix.Length > 0) message.Request.Uri.AppendQuery("prefix", prefix);
            message.Request.Uri.AppendQuery("maxresults", pageSize.ToString(CultureInfo.InvariantCulture));
            if (marker is not null) message.Request.Uri.AppendQuery("marker", marker);
            var response = await SendAsync(message, cancellationToken);
            if (response.Status == 404 && ErrorCode(response) == "ContainerNotFound") yield break;
            if (response.Status != 200) throw StorageRequestFailedException.From(response, $"list {container}/{prefix}");

            var root = XDocument.Parse(response.Content.ToString()).Root!;
            foreach (var blob in root.Element("Blobs")?.Elements("Blob") ?? [])
            {
                var properties = blob.Element("Properties");
                yield return new BlobItem(
                    blob.Element("Name")!.Value,
                    long.Parse(properties?.Element("Content-Length")?.Value ?? "0", CultureInfo.InvariantCulture),
                    properties?.Element("Content-Type")?.Value,
                    new ETag(properties?.Element("Etag")?.Value ?? ""));
            }

            marker = root.Element("NextMarker")?.Value;
        }
        while (!string.IsNullOrEmpty(marker));
    }

    /// <summary>
    /// Asks for a user delegation key (Entra ID accounts only) valid from <paramref name="start"/> to
    /// <paramref name="expiry"/> (at most 7 days): the key user delegation SAS links are signed with.
    /// </summary>
    public async Task<UserDelegationKey> GetUserDelegationKeyAsync(DateTimeOffset start, DateTimeOffset expiry, CancellationToken cancellationToken = default)
    {
        using var message = Create(RequestMethod.Post, new Uri(Account.BlobEndpoint + "/"));
        message.Request.Uri.AppendQuery("restype", "service");
        message.Request.Uri.AppendQuery("comp", "userdelegationkey");
        message.Request.Headers.Add(HttpHeader.Names.ContentType, "application/xml");
        var body = new XElement("KeyInfo", new XElement("Start", SasTime.Format(start)), new XElement("Expiry", SasTime.Format(expiry)));
        message.Request.Content = RequestContent.Create(System.Text.Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + body.ToString(SaveOptions.DisableFormatting)));
        var response = await SendAsync(message, cancellationToken);
        if (response.Status != 200) throw StorageRequestFailedException.From(response, "get user delegation key");

        var key = XDocument.Parse(response.Content.ToString()).Root!;
        string Field(string name) => key.Element(name)?.Value ?? throw new InvalidOperationException($"The user delegation key has no {name}.");
        return new UserDelegationKey(
            Field("SignedOid"),
            Field("SignedTid"),
            DateTimeOffset.Parse(Field("SignedStart"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            DateTimeOffset.Parse(Field("SignedExpiry"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            Field("SignedService"),
            Field("SignedVersion"),
            Field("Value"));
    }
}
