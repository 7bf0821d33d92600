using CloudReel.Core.Models;
using CloudReel.Media.Animatic;

namespace CloudReel.Media.Tests.Animatic;

public sealed class AnimaticJobTests : IDisposable
{
    private readonly AnimaticFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Capabilities_AreTheFreeOfflineModel()
    {
        var caps = _fixture.Model.Capabilities;

        caps.Name.Should().Be("animatic");
        caps.Version.Should().Be("2", "the card label moved to the top; old clips must not be reused");
        caps.Durations.Accepts(1).Should().BeTrue();
        caps.Durations.Accepts(20).Should().BeTrue();
        caps.Durations.Accepts(21).Should().BeFalse();
        caps.Sizes.Should().BeEmpty();
        caps.ImageToVideo.Should().BeTrue();
        caps.MaxConcurrentJobs.Should().Be(2);
        caps.PricePerSecond.Should().Be(0);
        _fixture.Model.IsConfigured.Should().BeTrue();
    }

    [Fact]
    public void JobIdFor_ContentKey_IsPrefixPlusFirst24Characters() =>
        AnimaticVideoModel.JobIdFor("0123456789abcdef0123456789abcdef").Should().Be("animatic-0123456789abcdef01234567");

    [Fact]
    public void JobIdFor_UnsafeKey_IsHashedIntoSafeCharacters() =>
        AnimaticVideoModel.JobIdFor("../../etc/passwd").Should().MatchRegex("^animatic-[0-9a-f]{24}$");

    [Fact]
    public async Task SubmitAsync_ThenStatusAndDownload_ReturnTheClip()
    {
        var status = await _fixture.Model.SubmitAsync(AnimaticFixture.Request(), "abc123");

        status.State.Should().Be(JobState.Succeeded);
        status.JobId.Should().Be("animatic-abc123");
        (await _fixture.Model.GetStatusAsync("animatic-abc123")).State.Should().Be(JobState.Succeeded);
        using var downloaded = new MemoryStream();
        await _fixture.Model.DownloadAsync(status, downloaded);
        downloaded.ToArray().Should().Equal(await File.ReadAllBytesAsync(Path.Combine(_fixture.WorkFolder, "animatic-abc123.mp4")));
        Directory.GetFiles(_fixture.WorkFolder).Should().ContainSingle("no partial files are left behind");
    }

    [Fact]
    public async Task SubmitAsync_FileAlreadyThere_SucceedsWithoutRendering()
    {
        Directory.CreateDirectory(_fixture.WorkFolder);
        var existing = Path.Combine(_fixture.WorkFolder, "animatic-done.mp4");
        await File.WriteAllTextAsync(existing, "already rendered");

        var status = await _fixture.Model.SubmitAsync(AnimaticFixture.Request(), "done");

        status.State.Should().Be(JobState.Succeeded);
        (await File.ReadAllTextAsync(existing)).Should().Be("already rendered");
    }

    [Fact]
    public async Task GetStatusAsync_UnknownJob_FailedUnknown()
    {
        var status = await _fixture.Model.GetStatusAsync("animatic-never");

        status.State.Should().Be(JobState.Failed);
        status.Failure!.Reason.Should().Be(FailureReason.Unknown);
        status.Failure.Message.Should().Be("no such animatic job");
    }

    [Fact]
    public async Task GetStatusAsync_PathTraversal_FailedUnknown() =>
        (await _fixture.Model.GetStatusAsync("animatic-../../x")).State.Should().Be(JobState.Failed);

    [Fact]
    public async Task SubmitAsync_TooLong_FailedInvalid()
    {
        var status = await _fixture.Model.SubmitAsync(AnimaticFixture.Request(seconds: 25), "too-long");

        status.State.Should().Be(JobState.Failed);
        status.Failure!.Reason.Should().Be(FailureReason.Invalid);
    }

    [Fact]
    public async Task SubmitAsync_MissingReference_FailedInvalid()
    {
        var status = await _fixture.Model.SubmitAsync(AnimaticFixture.Request(reference: "refs/missing.png"), "no-ref");

        status.State.Should().Be(JobState.Failed);
        status.Failure!.Message.Should().Contain("refs/missing.png");
    }

    [Fact]
    public async Task SubmitAsync_Cancelled_LeavesNoClip()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var submit = () => _fixture.Model.SubmitAsync(AnimaticFixture.Request(), "cancelled", cancelled.Token);

        await submit.Should().ThrowAsync<OperationCanceledException>();
        (await _fixture.Model.GetStatusAsync("animatic-cancelled")).State.Should().Be(JobState.Failed);
    }
}
