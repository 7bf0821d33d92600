using CloudReel.Api;

namespace CloudReel.Functions.Tests;

/// <summary>The Functions app's host.json agrees with the routes the API defines.</summary>
public sealed class FunctionsAppTests
{
    private const string Functions = "functions/CloudReel.Functions/";

    [Fact]
    public void HostJson_PrefixesRoutesWithApi_AsTheRoutesExpect()
    {
        Repository.Read(Functions + "host.json").Should().Contain("\"routePrefix\": \"api\"");
        ApiRoutes.All.Should().OnlyContain(r => r.Pattern.StartsWith("/api/", StringComparison.Ordinal));
    }
}
