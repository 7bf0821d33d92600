using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CloudReel.Api;
using CloudReel.Core.Jobs;
using CloudReel.Core.Models;
using CloudReel.Core.Workflow;
using CloudReel.Functions.Http;
using CloudReel.Local.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Functions.Tests;

/// <summary>
/// The HTTP functions as code: real HttpContexts, and the Durable client of Durable Task's in-process test
/// host, whose worker runs a stand-in film that waits at the approval gate.
/// </summary>
public sealed class ApiFunctionsTests : IAsyncLifetime
{
    private const string Order = """
        title: Harbour Lights
        model: stub
        shots:
          - {id: quay, prompt: Fishing boats at the quay at dawn, seconds: 4}
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cloudreel-functions-tests", Guid.NewGuid().ToString("n"));
    private readonly ServiceProvider _requestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
    private DurableTaskTestHost _host = null!;
    private ApiFunctions _functions = null!;

    public async Task InitializeAsync()
    {
        _host = await DurableTaskTestHost.StartAsync(
            tasks => tasks.AddOrchestratorFunc<FilmRequest, string>(nameof(FilmOrchestration), async (context, _) =>
            {
                context.SetCustomStatus(new FilmProgress(FilmStages.Approval, 0, 1, 0));
                var decision = await context.WaitForExternalEvent<ApprovalDecision>(FilmEvents.StoryboardApproved);
                return $"approved by {decision.By}";
            }),
            new DurableTaskTestHostOptions { Port = FreePort(), ConfigureServices = services => services.AddSingleton(WorkflowJson.DataConverter) });
        var models = new VideoModelCatalog([new StubModel()]);
        _functions = new ApiFunctions(new FilmApiServices(
            new FolderClipStore(_folder), models, new ProcessModelSlots(), new ApiOptions { QueuedAssemblyTimeoutMinutes = 30 }, TimeProvider.System));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _requestServices.DisposeAsync();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task SubmitFilm_YamlOrder_StartsTheFilmThroughTheDurableClientAndAnswers202()
    {
        var (status, body) = await CallAsync(request => _functions.SubmitFilm(request, _host.Client, CancellationToken.None), Order);

        status.Should().Be(StatusCodes.Status202Accepted, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        var film = await _host.Client.WaitForInstanceStartAsync(id, getInputsAndOutputs: true);
        film.Name.Should().Be(nameof(FilmOrchestration));
        film.ReadInputAs<FilmRequest>().Should().Be(new FilmRequest(id, $"orders/{id}/order.yaml", new QueuedAssembly(TimeSpan.FromMinutes(30))));
    }

    [Fact]
    public async Task ApproveFilm_FilmAtTheGate_RaisesTheDecisionAndTheFilmGoesOn()
    {
        var id = await SubmitAndWaitAtTheGateAsync();

        var (status, _) = await CallAsync(request => _functions.ApproveFilm(request, id, _host.Client, CancellationToken.None), """{"approved": true, "by": "li"}""");

        status.Should().Be(StatusCodes.Status202Accepted);
        var film = await _host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        film.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed);
        film.ReadOutputAs<string>().Should().Be("approved by li");
    }

    [Fact]
    public async Task CancelFilm_RunningFilm_TerminatesIt()
    {
        var id = await SubmitAndWaitAtTheGateAsync();

        var (status, _) = await CallAsync(request => _functions.CancelFilm(request, id, _host.Client, CancellationToken.None));

        status.Should().Be(StatusCodes.Status202Accepted);
        (await _host.Client.WaitForInstanceCompletionAsync(id)).RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Terminated);
    }

    [Fact]
    public async Task GetFilm_FilmAtTheGateAndAnUnknownOne_AnswersItsStageAnd404()
    {
        var id = await SubmitAndWaitAtTheGateAsync();

        var (known, body) = await CallAsync(request => _functions.GetFilm(request, id, _host.Client, CancellationToken.None));
        var (unknown, _) = await CallAsync(request => _functions.GetFilm(request, "no-such-film", _host.Client, CancellationToken.None));

        known.Should().Be(StatusCodes.Status200OK);
        JsonDocument.Parse(body).RootElement.GetProperty("stage").GetString().Should().Be(FilmStages.Approval);
        unknown.Should().Be(StatusCodes.Status404NotFound);
    }

    private async Task<string> SubmitAndWaitAtTheGateAsync()
    {
        var (_, body) = await CallAsync(request => _functions.SubmitFilm(request, _host.Client, CancellationToken.None), Order);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await _host.Client.GetInstanceAsync(id, getInputsAndOutputs: true))?.ReadCustomStatusAs<FilmProgress>()?.Stage != FilmStages.Approval)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{id} never reached the approval gate.");
            await Task.Delay(50);
        }

        return id;
    }

    /// <summary>Calls a function with a fresh HttpContext (a YAML or JSON body when given) and executes its result.</summary>
    private async Task<(int Status, string Body)> CallAsync(Func<HttpRequest, Task<IResult>> function, string? body = null)
    {
        var context = new DefaultHttpContext { RequestServices = _requestServices };
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("cloudreel.azurewebsites.net");
        context.Request.Method = body is null ? HttpMethods.Get : HttpMethods.Post;
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.ContentType = body.StartsWith('{') ? "application/json" : "application/yaml";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }

        using var response = new MemoryStream();
        context.Response.Body = response;
        await (await function(context.Request)).ExecuteAsync(context);
        return (context.Response.StatusCode, Encoding.UTF8.GetString(response.ToArray()));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A configured model for the order to name; nothing is ever submitted to it here.</summary>
    private sealed class StubModel : IVideoModel
    {
        public ModelCapabilities Capabilities { get; } = new() { Name = "stub", Version = "1", Durations = DurationOptions.Range(1, 10) };

        public bool IsConfigured => true;

        public Task<JobStatus> SubmitAsync(ShotRequest request, string idempotencyKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<JobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task DownloadAsync(JobStatus succeeded, Stream destination, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
