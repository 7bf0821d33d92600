using CloudReel.Azure.Storage;
using CloudReel.Azure.Tests.Support;

namespace CloudReel.Azure.Tests.Storage;

public sealed class StorageAccountTests
{
    [Fact]
    public void FromConnectionString_UseDevelopmentStorage_IsAzuriteAtItsDefaultPorts()
    {
        var account = StorageAccount.FromConnectionString("UseDevelopmentStorage=true");

        account.Name.Should().Be("devstoreaccount1");
        account.Blobs.Uri.Should().Be(new Uri("http://127.0.0.1:10000/devstoreaccount1"));
        account.Queues.Uri.Should().Be(new Uri("http://127.0.0.1:10001/devstoreaccount1"));
    }

    [Fact]
    public void FromConnectionString_AccountKeyAndSuffix_BuildsBothEndpoints()
    {
        var account = StorageAccount.FromConnectionString("DefaultEndpointsProtocol=https;AccountName=films;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn");

        account.Name.Should().Be("films");
        account.Blobs.Uri.Should().Be(new Uri("https://films.blob.core.chinacloudapi.cn/"));
        account.Queues.Uri.Should().Be(new Uri("https://films.queue.core.chinacloudapi.cn/"));
    }

    [Fact]
    public void FromConnectionString_AzuriteOnOtherPorts_UsesTheExplicitEndpoints()
    {
        var account = StorageAccount.FromConnectionString(
            $"DefaultEndpointsProtocol=http;AccountName={Azurite.AccountName};AccountKey={Azurite.AccountKey};BlobEndpoint=http://127.0.0.1:5000/{Azurite.AccountName};QueueEndpoint=http://127.0.0.1:5001/{Azurite.AccountName}");

        account.Name.Should().Be(Azurite.AccountName);
        account.Blobs.Uri.Should().Be(new Uri($"http://127.0.0.1:5000/{Azurite.AccountName}"));
        account.Queues.Uri.Should().Be(new Uri($"http://127.0.0.1:5001/{Azurite.AccountName}"));
    }

    [Theory]
    [InlineData("AccountName=a;AccountKey=not*base64*secret")]
    [InlineData("AccountName=a")]
    [InlineData("secret")]
    public void FromConnectionString_Invalid_SaysHowToFixItWithoutQuotingIt(string connectionString)
    {
        var parse = () => StorageAccount.FromConnectionString(connectionString);

        parse.Should().Throw<FormatException>().Which.Message.Should().Contain("AccountKey").And.NotContain("secret");
    }

    [Fact]
    public void FromConnectionString_ASasInsteadOfAKey_IsRefusedBecauseLinksAreSignedWithTheKey()
    {
        var parse = () => StorageAccount.FromConnectionString("BlobEndpoint=https://films.blob.core.windows.net/;QueueEndpoint=https://films.queue.core.windows.net/;SharedAccessSignature=sv=2025-11-05&sig=c2VjcmV0");

        parse.Should().Throw<FormatException>().Which.Message.Should().Contain("no AccountKey").And.NotContain("c2VjcmV0");
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true", true)]
    [InlineData("AccountName=a;AccountKey=b==", true)]
    [InlineData("https://films.blob.core.windows.net", false)]
    [InlineData("/var/cloudreel/store", false)]
    public void LooksLikeConnectionString_TellsConnectionStringsFromPathsAndUrls(string text, bool expected) =>
        StorageAccount.LooksLikeConnectionString(text).Should().Be(expected);

    [Fact]
    public void FromBlobEndpoint_DerivesNameAndQueueEndpoint()
    {
        var account = StorageAccount.FromBlobEndpoint(new Uri("https://films.blob.core.windows.net/"), new FakeEntraCredential());

        account.Name.Should().Be("films");
        account.Queues.Uri.Should().Be(new Uri("https://films.queue.core.windows.net/"));
        account.ToString().Should().Be("storage account 'films' at https://films.blob.core.windows.net");
    }

    [Theory]
    [InlineData("http://films.blob.core.windows.net")]
    [InlineData("https://films.queue.core.windows.net")]
    public void FromBlobEndpoint_NotAnHttpsBlobEndpoint_IsRefused(string endpoint)
    {
        var build = () => StorageAccount.FromBlobEndpoint(new Uri(endpoint), new FakeEntraCredential());

        build.Should().Throw<ArgumentException>();
    }
}
