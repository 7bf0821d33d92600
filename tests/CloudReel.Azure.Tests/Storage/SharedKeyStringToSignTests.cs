using CloudReel.Azure.Auth;

namespace CloudReel.Azure.Tests.Storage;

/// <summary>Shared Key canonicalization against the examples in "Authorize with Shared Key" (Storage REST docs).</summary>
public sealed class SharedKeyStringToSignTests
{
    [Fact]
    public void CanonicalizedResource_ContainerMetadata_MatchesTheDocumentedExample() =>
        SharedKeyStringToSign.CanonicalizedResource(new Uri("http://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=metadata"), "myaccount")
            .Should().Be("/myaccount/mycontainer\ncomp:metadata\nrestype:container");

    [Fact]
    public void CanonicalizedResource_RepeatedParameter_JoinsSortedValuesWithCommas() =>
        SharedKeyStringToSign.CanonicalizedResource(
                new Uri("http://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=list&include=snapshots&include=metadata&include=uncommittedblobs"),
                "myaccount")
            .Should().Be("/myaccount/mycontainer\ncomp:list\ninclude:metadata,snapshots,uncommittedblobs\nrestype:container");

    [Fact]
    public void CanonicalizedResource_SecondaryEndpoint_UsesThePrimaryAccountName() =>
        SharedKeyStringToSign.CanonicalizedResource(new Uri("https://myaccount-secondary.blob.core.windows.net/mycontainer/myblob"), "myaccount")
            .Should().Be("/myaccount/mycontainer/myblob");

    [Fact]
    public void CanonicalizedResource_EmulatorPathStyle_KeepsTheAccountInThePath() =>
        SharedKeyStringToSign.CanonicalizedResource(new Uri("http://127.0.0.1:10000/devstoreaccount1/clips/a%20b.mp4"), "devstoreaccount1")
            .Should().Be("/devstoreaccount1/devstoreaccount1/clips/a%20b.mp4");

    [Fact]
    public void CanonicalizedResource_EncodedValue_IsDecodedAndNameLowerCased() =>
        SharedKeyStringToSign.CanonicalizedResource(new Uri("https://a.queue.core.windows.net/q/messages/1?PopReceipt=AgAA%2Bx%3D%3D"), "a")
            .Should().Be("/a/q/messages/1\npopreceipt:AgAA+x==");

    [Fact]
    public void Build_GetContainerMetadata_MatchesTheDocumentedStringToSign()
    {
        var headers = new Dictionary<string, string>
        {
            ["x-ms-version"] = "2015-02-21",
            ["x-ms-date"] = "Fri, 26 Jun 2015 23:39:12 GMT",
        };

        var text = SharedKeyStringToSign.Build("GET", new Uri("https://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=metadata&timeout=20"), "myaccount", headers);

        text.Should().Be(
            "GET\n\n\n\n\n\n\n\n\n\n\n\n"
            + "x-ms-date:Fri, 26 Jun 2015 23:39:12 GMT\nx-ms-version:2015-02-21\n"
            + "/myaccount/mycontainer\ncomp:metadata\nrestype:container\ntimeout:20");
    }

    [Fact]
    public void Build_PutWithBody_PlacesStandardHeadersInTheirSlotsAndOmitsZeroLength()
    {
        var headers = new Dictionary<string, string>
        {
            ["Content-Length"] = "11",
            ["Content-MD5"] = "md5==",
            ["If-None-Match"] = "*",
            ["X-MS-Blob-Type"] = " BlockBlob ",
        };

        var put = SharedKeyStringToSign.Build("put", new Uri("https://a.blob.core.windows.net/c/b"), "a", headers);
        var empty = SharedKeyStringToSign.Build("PUT", new Uri("https://a.blob.core.windows.net/c"), "a", new Dictionary<string, string> { ["Content-Length"] = "0" });

        put.Should().Be("PUT\n\n\n11\nmd5==\n\n\n\n\n*\n\n\nx-ms-blob-type:BlockBlob\n/a/c/b");
        empty.Should().StartWith("PUT\n\n\n\n");
    }
}
