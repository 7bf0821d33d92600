using System.Text;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Testing.Fakes;

/// <summary>How <see cref="FakeService"/> answers late, broken or cut short when a fault says so.</summary>
public abstract partial class FakeService
{
    private static async Task<IResult> AfterAsync(Fault? fault, HttpContext context, IResult answer)
    {
        switch (fault?.Kind)
        {
            case FaultKind.Hang:
                try
                {
                    await Task.Delay(fault.Delay ?? TimeSpan.FromSeconds(30), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up waiting, as the test meant it to.
                }

                return answer;
            case FaultKind.MalformedJson:
                return Results.Content("{\"id\": \"job_1\", \"status\": ", "application/json");
            case FaultKind.ServerError:
                return Results.Content("{\"error\":{\"code\":\"InternalError\",\"message\":\"the service failed after accepting the request\"}}", "application/json", Encoding.UTF8, fault.Status);
            case FaultKind.CutConnection:
                context.Response.ContentLength = 4096;
                await context.Response.Body.WriteAsync("{\"partial\":"u8.ToArray(), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                context.Abort();
                return Results.Empty;
            default:
                return answer;
        }
    }

    /// <summary>An answer with one more header.</summary>
    private sealed class WithHeader(IResult inner, string name, string value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
