using CloudReel.Azure.Storage;

namespace CloudReel.Azure.Tests.Storage;

public sealed class StorageConnectionStringTests
{
    [Fact]
    public void Parse_UseDevelopmentStorage_IsAzuriteAtItsDefaultPorts()
    {
        var account = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        account.Name.Should().Be("devstoreaccount1");
        account.BlobEndpoint.Should().Be(new Uri("http://127.0.0.1:10000/devstoreaccount1"));
        account.QueueEndpoint.Should().Be(new Uri("http://127.0.0.1:10001/devstoreaccount1"));
        account.Key.Should().NotBeNull();
    }

    [Fact]
    public void Parse_AccountKeyAndSuffix_BuildsBothEndpoints()
    {
        var account = StorageConnectionString.Parse("DefaultEndpointsProtocol=https;AccountName=films;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn");

        account.BlobEndpoint.Should().Be(new Uri("https://films.blob.core.chinacloudapi.cn"));
        account.QueueEndpoint.Should().Be(new Uri("https://films.queue.core.chinacloudapi.cn"));
    }

    [Fact]
    public void Parse_ExplicitEndpoints_WinOverTheSuffix()
    {
        var account = StorageConnectionString.Parse("AccountName=a;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:5000/a/;QueueEndpoint=http://127.0.0.1:5001/a");

        account.BlobEndpoint.Should().Be(new Uri("http://127.0.0.1:5000/a"));
        account.QueueEndpoint.Should().Be(new Uri("http://127.0.0.1:5001/a"));
    }

    [Fact]
    public void Parse_BadKey_SaysSoWithoutQuotingIt()
    {
        var parse = () => StorageConnectionString.Parse("AccountName=a;AccountKey=not*base64*secret");

        parse.Should().Throw<FormatException>().Which.Message.Should().Contain("not base64").And.NotContain("secret");
    }

    [Fact]
    public void Parse_NoKey_NamesTheMissingSetting()
    {
        var parse = () => StorageConnectionString.Parse("AccountName=a");

        parse.Should().Throw<FormatException>().WithMessage("*AccountKey*");
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true", true)]
    [InlineData("AccountName=a;AccountKey=b==", true)]
    [InlineData("https://films.blob.core.windows.net", false)]
    [InlineData("/var/cloudreel/store", false)]
    public void LooksLikeConnectionString_TellsConnectionStringsFromPathsAndUrls(string text, bool expected) =>
        StorageConnectionString.LooksLikeConnectionString(text).Should().Be(expected);

    [Fact]
    public void FromBlobEndpoint_DerivesNameAndQueueEndpoint()
    {
        var account = StorageAccount.FromBlobEndpoint(new Uri("https://films.blob.core.windows.net/"), new global::Azure.Identity.DefaultAzureCredential());

        account.Name.Should().Be("films");
        account.QueueEndpoint.Should().Be(new Uri("https://films.queue.core.windows.net"));
        account.ToString().Should().Contain("films");
    }
}
