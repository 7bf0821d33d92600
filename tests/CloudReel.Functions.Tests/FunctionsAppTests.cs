using CloudReel.Api;

namespace CloudReel.Functions.Tests;

/// <summary>The Functions app declares exactly the routes, activities and orchestrations the libraries define.</summary>
public sealed class FunctionsAppTests
{
    private const string Functions = "functions/CloudReel.Functions/";

    [Fact]
    public void HttpTriggers_AreExactlyTheApiRoutes_WithFunctionKeysUnlessAnonymous()
    {
        var triggers = Repository.Matches(Functions + "Http/ApiFunctions.cs",
                @"\[Function\(""(\w+)""\)\]\s*public[^\[]*\[HttpTrigger\(AuthorizationLevel\.(\w+), ""(\w+)"", Route = ""([^""]+)""\)\] HttpRequest request")
            .Select(m => (Function: m[0], Level: m[1], Method: m[2], Route: m[3]));

        var expected = ApiRoutes.All.Select(r => (
            Function: char.ToUpperInvariant(r.OperationId[0]) + r.OperationId[1..],
            Level: r.Anonymous ? "Anonymous" : "Function",
            Method: r.Method.ToLowerInvariant(),
            Route: r.FunctionsRoute));
        triggers.Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void HostJson_PrefixesRoutesWithApi_AsTheRoutesExpect()
    {
        Repository.Read(Functions + "host.json").Should().Contain("\"routePrefix\": \"api\"");
        ApiRoutes.All.Should().OnlyContain(r => r.Pattern.StartsWith("/api/", StringComparison.Ordinal));
    }

    [Fact]
    public void PoisonQueueTrigger_WatchesThePoisonQueueTheAssemblerFeeds()
    {
        var queue = new CloudReel.Azure.Queue.AssemblyJobQueue(null!, null!);

        Repository.Read(Functions + "Events/EventFunctions.cs").Should().Contain("[QueueTrigger(AssemblyJobQueue.DefaultQueueName + \"-poison\"");
        queue.PoisonQueueName.Should().Be(CloudReel.Azure.Queue.AssemblyJobQueue.DefaultQueueName + "-poison");
    }
}
