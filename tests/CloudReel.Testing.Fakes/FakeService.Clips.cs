using System.Text;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Testing.Fakes;

/// <summary>How <see cref="FakeService"/> hands out clips: signed links that expire, content routes, downloads cut short.</summary>
public abstract partial class FakeService
{
    /// <summary>
    /// The clip of a job from the service's own content route (Sora, ComfyUI): download faults apply,
    /// and an expired job's content is gone (404).
    /// </summary>
    protected async Task<IResult> ClipContentAsync(FakeJob job, HttpContext context)
    {
        Interlocked.Increment(ref _downloads);
        if (!job.Succeeded) return Error(404, "NotFound", "no content for this job");
        if (job.Outcome == JobOutcome.ExpiredLink) return Error(404, "NotFound", "the job's content has expired");
        return await WriteClipAsync(job, Faults.Next(Operation.Download), context);
    }

    private async Task<IResult> ServeClipAsync(string id, string? sig, HttpContext context)
    {
        Interlocked.Increment(ref _downloads);
        if (!Jobs.TryGetValue(id, out var job) || !job.Succeeded) return Results.NotFound();
        var expired = job.Outcome == JobOutcome.ExpiredLink || (job.Outcome == JobOutcome.ExpiredLinkOnce && sig == "s1");
        if (expired || sig != $"s{job.LinkGeneration}")
        {
            return Results.Content("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>", "application/xml", Encoding.UTF8, 403);
        }

        return await WriteClipAsync(job, Faults.Next(Operation.Download), context);
    }

    private static async Task<IResult> WriteClipAsync(FakeJob job, Fault? fault, HttpContext context)
    {
        if (fault is { Kind: FaultKind.ServerError or FaultKind.TooManyRequests }) return Results.StatusCode(fault.Status);
        var bytes = job.ClipBytes();
        if (fault is { Kind: FaultKind.CutConnection })
        {
            context.Response.ContentType = "video/mp4";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
            return Results.Empty;
        }

        return Results.Bytes(bytes, "video/mp4");
    }
}
