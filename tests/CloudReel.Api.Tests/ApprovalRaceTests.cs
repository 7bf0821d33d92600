using System.Net;
using System.Net.Http.Json;
using CloudReel.Api.Tests.Support;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Api.Tests;

/// <summary>The first answer to a storyboard wins; every later one gets 409 and is never delivered.</summary>
public sealed class ApprovalRaceTests : IAsyncLifetime
{
    private ApiServer _server = null!;

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Approve_OneRejectAndSeveralApprovesAtOnce_OneWinsTheOthersGet409()
    {
        _server.Runtime.Set("promo-20", WorkflowStatus.Running, new FilmProgress(FilmStages.Approval, 0, 2, 0));
        var bodies = new[] { new { approved = false, by = "li" } }.Concat(Enumerable.Range(0, 7).Select(i => new { approved = true, by = $"editor-{i}" }));

        var responses = await Task.WhenAll(bodies.Select(b => _server.Client.PostAsJsonAsync("api/films/promo-20/approve", b)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Accepted).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(7);
        var delivered = _server.Runtime.Raised.Should().ContainSingle().Which;
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.Accepted).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        ((ApprovalDecision)delivered.Payload!).Approved.Should().Be(winner.GetProperty("status").GetString() == "approved");
    }

    [Fact]
    public async Task Approve_Again_Answers409SayingWhoAnswered()
    {
        _server.Runtime.Set("promo-21", WorkflowStatus.Running, new FilmProgress(FilmStages.Approval, 0, 2, 0));
        (await _server.Client.PostAsJsonAsync("api/films/promo-21/approve", new { approved = true, by = "li" })).StatusCode.Should().Be(HttpStatusCode.Accepted);

        var again = await _server.Client.PostAsJsonAsync("api/films/promo-21/approve", new { approved = false, by = "wang" });

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString().Should().Contain("already approved").And.Contain("li");
    }
}
