using System.Reflection;
using CloudReel.Api;
using CloudReel.Azure.Queue;
using CloudReel.Azure.Storage;
using CloudReel.Core.Workflow;
using CloudReel.Functions.Events;
using Microsoft.Azure.Functions.Worker;

namespace CloudReel.Functions.Tests;

/// <summary>The generated functions.metadata declares exactly the functions of the code, with the triggers and bindings the libraries expect.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly IReadOnlyList<MethodInfo> FunctionMethods = typeof(EventFunctions).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
        .ToList();

    [Fact]
    public void Metadata_ListsEveryFunctionOfTheCode_OnceUnderItsNameAndMethod()
    {
        var declared = FunctionMethods.Select(m => (m.GetCustomAttribute<FunctionAttribute>()!.Name, $"{m.DeclaringType!.FullName}.{m.Name}"));

        FunctionsMetadata.All.Select(f => (f.Name, f.EntryPoint)).Should().BeEquivalentTo(declared);
        FunctionsMetadata.All.Select(f => f.Name).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void HttpTriggers_AreExactlyTheApiRoutes_WithFunctionKeysUnlessAnonymous()
    {
        var triggers = FunctionsMetadata.All.Where(f => f.Trigger.Type == "httpTrigger" && f.Name != "Studio")
            .Select(f => (f.Name, Level: f.Trigger.AuthLevel, Methods: string.Join(",", f.Trigger.Methods), f.Trigger.Route));

        var expected = ApiRoutes.All.Select(r => (
            Name: char.ToUpperInvariant(r.OperationId[0]) + r.OperationId[1..],
            Level: (string?)(r.Anonymous ? "Anonymous" : "Function"),
            Methods: r.Method,
            Route: (string?)r.FunctionsRoute));
        triggers.Should().BeEquivalentTo(expected);
        FunctionsMetadata.All.Where(f => f.Trigger.Type == "httpTrigger")
            .Should().OnlyContain(f => f.Bindings.Any(b => b.Type == "http" && b.Direction == "Out"), "every HTTP function answers");
    }

    [Fact]
    public void Studio_IsServedAnonymouslyUnderApiStudio_ForGetOnly()
    {
        var studio = FunctionsMetadata.All.Single(f => f.Name == "Studio").Trigger;

        (studio.Type, studio.AuthLevel, string.Join(",", studio.Methods), studio.Route).Should().Be(("httpTrigger", "Anonymous", "GET", "studio/{*file}"));
    }

    [Fact]
    public void ActivityTriggers_AreExactlyTheWorkflowsActivities()
    {
        FunctionsMetadata.All.Where(f => f.Trigger.Type == "activityTrigger").Select(f => f.Name)
            .Should().BeEquivalentTo(FilmWorkflow.Activities.Select(a => a.Name));
    }

    [Fact]
    public void OrchestrationTriggers_AreExactlyTheWorkflowsOrchestrations()
    {
        FunctionsMetadata.All.Where(f => f.Trigger.Type == "orchestrationTrigger").Select(f => f.Name)
            .Should().BeEquivalentTo(FilmWorkflow.Orchestrators.Select(o => o.Name));
    }

    [Fact]
    public void BatchOrchestrationAndItsReport_AreFunctionsWithTheirTriggers()
    {
        var batch = FunctionsMetadata.All.Single(f => f.Name == nameof(BatchOrchestration));
        batch.Trigger.Type.Should().Be("orchestrationTrigger");
        FunctionsMetadata.All.Single(f => f.Name == nameof(Core.Workflow.Activities.WriteBatchReportActivity)).Trigger.Type.Should().Be("activityTrigger");
    }

    [Fact]
    public void QueueTriggers_WatchTheStorageEventsQueueAndTheAssemblersPoisonQueue_OnTheAppsStorage()
    {
        var queues = FunctionsMetadata.All.Where(f => f.Trigger.Type == "queueTrigger").ToDictionary(f => f.Name, f => f.Trigger);

        queues.Keys.Should().BeEquivalentTo("OnStorageEvent", "OnAssemblyPoisoned");
        queues["OnStorageEvent"].QueueName.Should().Be(EventFunctions.StorageEventsQueue);
        queues["OnAssemblyPoisoned"].QueueName.Should().Be(new AssemblyJobQueue(StorageAccount.FromConnectionString("UseDevelopmentStorage=true").Queues, null!).PoisonQueueName);
        queues.Values.Should().OnlyContain(q => q.Connection == "AzureWebJobsStorage");
    }

    [Fact]
    public void FunctionsThatStartOrSteerFilms_GetADurableClient()
    {
        var needsClient = FunctionsMetadata.All.Where(f => f.Trigger.Type is "queueTrigger" || (f.Trigger.Type == "httpTrigger" && f.Name is not "GetOpenApi" and not "Studio"));

        needsClient.Should().OnlyContain(f => f.Bindings.Any(b => b.Type == "durableClient" && b.Direction == "In"));
    }
}
