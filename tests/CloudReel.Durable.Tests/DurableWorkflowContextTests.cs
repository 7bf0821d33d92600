using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace CloudReel.Durable.Tests;

public class DurableWorkflowContextTests
{
    [Fact]
    public async Task CallActivityAsync_WithRetryPolicy_PassesEveryRetryFieldToDurableTask()
    {
        var fake = new FakeDurableTaskContext((_, _) => "ok");
        var policy = new RetryPolicy(4, TimeSpan.FromSeconds(3), 1.5, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10));

        var result = await new DurableWorkflowContext(fake).CallActivityAsync<string>("PollShot", "input", new TaskOptions(policy));

        result.Should().Be("ok");
        var (name, input, options) = fake.Calls.Single();
        (name, input).Should().Be(("PollShot", "input"));
        options.InstanceId.Should().BeNull();
        options.Retry.Should().BeEquivalentTo(new
        {
            MaxNumberOfAttempts = 4,
            FirstRetryInterval = TimeSpan.FromSeconds(3),
            BackoffCoefficient = 1.5,
            MaxRetryInterval = TimeSpan.FromMinutes(2),
            RetryTimeout = TimeSpan.FromMinutes(10),
        });
    }

    [Fact]
    public void ToDurable_HandleFailure_AsksTheWorkflowsOwnPredicate()
    {
        var retry = DurableMapping.ToDurable(ShotOrchestration.DownloadRetry)!;

        retry.HandleFailure(new DurableFailure(typeof(BadClipException).FullName!, "no video", null, null)).Should().BeFalse("a bad clip is not downloaded again");
        retry.HandleFailure(new DurableFailure(typeof(HttpRequestException).FullName!, "reset", null, null)).Should().BeTrue();
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_WithInstanceId_PassesIt()
    {
        var fake = new FakeDurableTaskContext((_, _) => 7);

        await new DurableWorkflowContext(fake).CallSubOrchestratorAsync<int>("ShotOrchestration", null, new SubOrchestrationOptions("film-1.shot.bund"));

        fake.Calls.Single().Options.InstanceId.Should().Be("film-1.shot.bund");
    }

    [Fact]
    public async Task CallActivityAsync_DurableFailure_SurfacesAsTheWorkflowsTaskFailedExceptionWithItsCauses()
    {
        var inner = new DurableFailure(typeof(TimeoutException).FullName!, "socket", null, null);
        var fake = new FakeDurableTaskContext((_, _) => throw new BadClipException("truncated"));
        var context = new DurableWorkflowContext(fake);

        var act = () => context.CallActivityAsync<ClipRecord>("DownloadClip");

        var failure = (await act.Should().ThrowAsync<TaskFailedException>()).Which;
        failure.TaskName.Should().Be("DownloadClip");
        failure.FailureDetails.ErrorMessage.Should().Be("truncated");
        failure.FailureDetails.IsCausedBy<BadClipException>().Should().BeTrue();
        DurableMapping.ToWorkflow(new DurableFailure("X", "outer", null, inner)).InnerFailure!.IsCausedBy<TimeoutException>().Should().BeTrue();
    }

    [Fact]
    public void FromDetails_NestedDurableDetails_KeepsTheWholeChain()
    {
        var chain = new Details("A", "a", new Details("B", "b", new Details("C", "c", null)));

        var failure = DurableMapping.FromDetails(chain, d => d.Type, d => d.Message, _ => null, d => d.Inner);

        failure.ErrorType.Should().Be("A");
        failure.InnerFailure!.InnerFailure!.ErrorMessage.Should().Be("c");
    }

    [Fact]
    public async Task ShotOrchestration_RunThroughTheAdapter_FallsBackAfterARefusalAndABadClip()
    {
        var fake = new FakeDurableTaskContext((name, input) => (name, input) switch
        {
            (ActivityNames.FindCachedClip, _) => null,
            (ActivityNames.SubmitShot, ShotJob job) when job.Attempt.Model == "kling" => JobStatus.Failed(null, FailureReason.Moderation, "1301", "refused"),
            (ActivityNames.SubmitShot, ShotJob job) => new JobStatus { State = JobState.Succeeded, JobId = job.Attempt.Model + "-1" },
            (ActivityNames.DownloadClip, ClipDownload d) when d.Job.Attempt.Model == "vidu" => throw new BadClipException("no video stream"),
            (ActivityNames.DownloadClip, ClipDownload d) => Clip(d.Job.Attempt),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await new ShotOrchestration().RunAsync(new DurableWorkflowContext(fake), new ShotInput("film-1", "bund", [Attempt("kling"), Attempt("vidu"), Attempt("sora-2")]));

        outcome.Model.Should().Be("sora-2");
        outcome.Attempts.Select(a => a.Result).Should().Equal(AttemptResult.Refused, AttemptResult.BadClip, AttemptResult.Succeeded);
        fake.Calls.Where(c => c.Name == ActivityNames.DownloadClip).Should().OnlyContain(c => c.Options.Retry != null);
    }

    [Fact]
    public void CreateReplaySafeLogger_WhileReplaying_StaysQuiet()
    {
        var sink = new CountingLoggerFactory();
        var fake = new FakeDurableTaskContext((_, _) => null) { ReplaySafeLoggerFactory = sink, IsReplaying = true };
        var logger = new DurableWorkflowContext(fake).CreateReplaySafeLogger("test");

        logger.LogWarning("replayed");
        fake.IsReplaying = false;
        logger.LogWarning("live");

        sink.Messages.Should().Equal("live");
    }

    private static ModelAttempt Attempt(string model) => new(
        model, "1", new ShotRequest { Prompt = "p", ShotText = "p", Seconds = 5, Size = new FrameSize(1280, 720) },
        new string(model[0], 64), 0.5m, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10));

    private static ClipRecord Clip(ModelAttempt attempt) => new()
    {
        ContentKey = attempt.ContentKey,
        Model = attempt.Model,
        ModelVersion = "1",
        Prompt = "p",
        RequestedSeconds = 5,
        Sha256 = new string('f', 64),
        Probe = new ClipProbe(5, 1280, 720, 30, "h264", true),
    };

    private sealed record Details(string Type, string Message, Details? Inner);

    private sealed class CountingLoggerFactory : ILoggerFactory, ILogger
    {
        public List<string> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
