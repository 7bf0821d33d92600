using System.Text;
using System.Text.Json;
using CloudReel.Core.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Functions.Tests.Support;

/// <summary>
/// One request as the Functions host's ASP.NET Core integration hands it to an HTTP function (a real
/// <see cref="DefaultHttpContext"/>: method, URL, headers, body, route values), and the function's
/// <see cref="IResult"/> executed on it as the integration does.
/// </summary>
internal sealed class HttpCall
{
    public const string Host = "func-cloudreel.azurewebsites.net";

    private static readonly IServiceProvider RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider();

    private HttpCall(DefaultHttpContext context) => Context = context;

    public DefaultHttpContext Context { get; }

    public HttpRequest Request => Context.Request;

    public static HttpCall To(string method, string path, string? body = null, string contentType = "application/json", object? routeValues = null)
    {
        var context = new DefaultHttpContext { RequestServices = RequestServices };
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString(Host);
        context.Request.Path = path;
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = contentType;
        }

        if (routeValues is not null) context.Request.RouteValues = new Microsoft.AspNetCore.Routing.RouteValueDictionary(routeValues);
        context.Response.Body = new MemoryStream();
        return new HttpCall(context);
    }

    /// <summary>Executes what the function returned and reads the answer.</summary>
    public async Task<HttpAnswer> AnswerAsync(Task<IResult> result) => await AnswerAsync(await result);

    public async Task<HttpAnswer> AnswerAsync(IResult result)
    {
        await result.ExecuteAsync(Context);
        Context.Response.Body.Position = 0;
        var text = await new StreamReader(Context.Response.Body).ReadToEndAsync();
        return new HttpAnswer(Context.Response.StatusCode, Context.Response.ContentType, Context.Response.Headers.Location.ToString(), text);
    }
}

/// <summary>What an HTTP function answered.</summary>
internal sealed record HttpAnswer(int Status, string? ContentType, string Location, string Body)
{
    public T Json<T>() => JsonSerializer.Deserialize<T>(Body, WorkflowJson.Options) ?? throw new InvalidOperationException($"The body is not a {typeof(T).Name}: {Body}");
}
