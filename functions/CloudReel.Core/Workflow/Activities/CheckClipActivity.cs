using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Quality;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Checks a clip in the store: the offline checks the order asks for (freeze, black, cut, duration,
/// sound), and the vision judge where one is configured and asked for. The verdict is recorded beside
/// the clip (<see cref="StoreLayout.ClipQuality"/>), so a clip served again from the store keeps it and
/// is not checked, nor judged and paid for, again.
/// </summary>
public sealed class CheckClipActivity(
    IClipStore store, IVideoModelCatalog models, IClipChecker checker, IClipFrames frames, IHostApplicationLifetime host, IShotJudge? judge = null)
    : TaskActivity<ClipCheckRequest, ClipQualityReport>
{

    public override async Task<ClipQualityReport> RunAsync(TaskActivityContext context, ClipCheckRequest request)
    {
        var cancellation = host.ApplicationStopping;
        var spec = request.Qa.Spec;
        var asked = spec.Checks.Where(c => c != QaCheck.Judge || judge is not null).Select(Name).ToHashSet(StringComparer.Ordinal);
        var verdictName = StoreLayout.ClipQuality(request.ContentKey);
        if (await store.ExistsAsync(verdictName, cancellation)
            && WorkflowJson.Deserialize<RecordedVerdict>(await store.ReadTextAsync(verdictName, cancellation)) is { } recorded
            && (asked.IsSubsetOf(recorded.Asked) || recorded.Checks.Any(c => c is { Name: "decode", Passed: false })))
        {
            return new ClipQualityReport(recorded.Checks.Where(c => asked.Contains(c.Name) || c.Name == "decode").ToList()) { Recorded = true };
        }

        var clip = await store.GetLocalPathAsync(StoreLayout.Clip(request.ContentKey), cancellation);
        var model = models.Find(request.Model)?.Capabilities ?? throw new InvalidOperationException($"Model '{request.Model}' is not available in this host.");
        var offline = await checker.CheckAsync(clip, ClipExpectation.For(model, request.Seconds), cancellation);
        var checks = offline.Checks.Where(c => asked.Contains(c.Name) || c.Name == "decode").ToList();
        var judged = true;
        if (asked.Contains(Name(QaCheck.Judge)) && checks.All(c => c.Name != "decode"))
        {
            var (check, answered) = await JudgeAsync(clip, request, cancellation);
            checks.Add(check);
            judged = answered;
        }

        var verdict = new ClipQualityReport(checks);
        // A judge that could not be asked is asked again next time rather than remembered as a pass.
        if (judged) await store.PutTextAsync(verdictName, WorkflowJson.Serialize(new RecordedVerdict(asked.Order(StringComparer.Ordinal).ToList(), checks)), "application/json", overwrite: true, cancellation);
        return verdict;
    }

    private async Task<(QualityCheck Check, bool Answered)> JudgeAsync(string clip, ClipCheckRequest request, CancellationToken cancellation)
    {
        var qa = request.Qa;
        try
        {
            var cast = new List<JudgedCharacter>();
            foreach (var member in qa.Cast) cast.Add(new JudgedCharacter(member.Name, member.Look, await PicturesAsync(member.Pictures, cancellation)));
            var verdict = await judge!.JudgeAsync(
                new JudgeRequest(request.Prompt, await frames.SampleAsync(clip, judge.FramesPerClip, cancellation), cast, qa.Look, await PicturesAsync(qa.LookPictures, cancellation)),
                cancellation);
            var check = verdict.ToCheck();
            if (check.Passed && qa.Spec.MinScore is { } min && verdict.Score < min)
            {
                check = check with { Passed = false, Detail = $"score {verdict.Score:0.00} under the order's minimum {min:0.00}: {verdict.Reason}" };
            }

            return (check, true);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            return (new QualityCheck("judge", true, $"not judged: {judge!.Name} could not be asked ({e.Message})"), false);
        }
    }

    private async Task<IReadOnlyList<JudgedImage>> PicturesAsync(IReadOnlyList<string> names, CancellationToken cancellation)
    {
        var pictures = new List<JudgedImage>();
        foreach (var name in names)
        {
            await using var content = await store.OpenReadAsync(name, cancellation);
            using var bytes = new MemoryStream();
            await content.CopyToAsync(bytes, cancellation);
            pictures.Add(new JudgedImage(bytes.ToArray(), ContentTypes.Of(name)));
        }

        return pictures;
    }

    private static string Name(QaCheck check) => check.ToString().ToLowerInvariant();

    /// <summary>What a clip was checked for (a check may not apply, e.g. sound from a silent model) and what the checks found.</summary>
    private sealed record RecordedVerdict(IReadOnlyList<string> Asked, IReadOnlyList<QualityCheck> Checks);
}
