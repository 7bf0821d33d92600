using CloudReel.Cli.Hosting;
using Microsoft.Extensions.Configuration;

namespace CloudReel.Cli.Tests;

public sealed class StoreLocationTests
{
    private const string WithKey = "DefaultEndpointsProtocol=https;AccountName=films;AccountKey=c2VjcmV0LWtleQ==;EndpointSuffix=core.windows.net";

    [Theory]
    [InlineData("UseDevelopmentStorage=true", StoreKind.ConnectionString)]
    [InlineData(WithKey, StoreKind.ConnectionString)]
    [InlineData("https://films.blob.core.windows.net/", StoreKind.BlobEndpoint)]
    [InlineData("store-folder", StoreKind.Folder)]
    public void Parse_TellsTheThreeKindsApart(string text, StoreKind kind) => StoreLocation.Parse(text).Kind.Should().Be(kind);

    [Fact]
    public void Parse_PlainHttpEndpoint_IsRefusedWithAHint() =>
        ((Action)(() => StoreLocation.Parse("http://films.blob.core.windows.net"))).Should().Throw<FormatException>().WithMessage("*UseDevelopmentStorage*");

    [Fact]
    public void Remembered_ConnectionString_KeepsNoKey()
    {
        var remembered = StoreLocation.Parse(WithKey).Remembered;

        remembered.Should().Be("DefaultEndpointsProtocol=https;AccountName=films;EndpointSuffix=core.windows.net");
        StoreLocation.Parse(WithKey).ToString().Should().NotContain("c2VjcmV0");
    }

    [Fact]
    public void Resolve_RememberedWithoutKey_TakesTheConfiguredConnectionStringOfTheSameAccount()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StoreLocation.ConnectionStringKey] = WithKey }).Build();

        var resolved = StoreLocation.Resolve(null, StoreLocation.Parse(WithKey).Remembered, configuration);

        resolved!.Value.Should().Be(WithKey);
    }

    [Fact]
    public void Resolve_RememberedWithoutKeyAndNoneConfigured_SaysHowToGiveIt()
    {
        var resolve = () => StoreLocation.Resolve(null, StoreLocation.Parse(WithKey).Remembered, new ConfigurationBuilder().Build());

        resolve.Should().Throw<FormatException>().WithMessage("*--store*CLOUDREEL__STORAGE__CONNECTIONSTRING*");
    }

    [Fact]
    public void Resolve_OptionGiven_WinsOverTheRegistry() =>
        StoreLocation.Resolve("UseDevelopmentStorage=true", "/some/folder", new ConfigurationBuilder().Build())!.Kind.Should().Be(StoreKind.ConnectionString);
}
