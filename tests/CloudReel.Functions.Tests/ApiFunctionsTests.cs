using CloudReel.Api.Status;
using CloudReel.Api.Submission;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using CloudReel.Functions.Tests.Support;
using Microsoft.DurableTask.Client;

namespace CloudReel.Functions.Tests;

/// <summary>
/// The HTTP functions called as the Functions host calls them: a real HttpContext (body, headers, route
/// values) and the [DurableClient] a real Durable Task runtime gives them, the answer executed as the
/// ASP.NET Core integration executes it. Each test's film has its own title, so its own id.
/// </summary>
public sealed class ApiFunctionsTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    [Fact]
    public async Task SubmitFilm_AYamlOrder_StartsTheFilmOrchestrationUnderTheFilmIdAndAnswers202()
    {
        var call = HttpCall.To("POST", "/api/films", Order("Harbour Lights"), "application/yaml");

        var answer = await call.AnswerAsync(host.Api.SubmitFilm(call.Request, host.Client, CancellationToken.None));

        answer.Status.Should().Be(202, answer.Body);
        var accepted = answer.Json<FilmAccepted>();
        accepted.Id.Should().MatchRegex("^harbour-lights-[0-9a-f]{16}$");
        answer.Location.Should().Be($"https://{HttpCall.Host}/api/films/{accepted.Id}").And.Be(accepted.StatusUrl);
        var film = await host.Client.GetInstanceAsync(accepted.Id, getInputsAndOutputs: true);
        film.Should().NotBeNull("the film runs under its id as instance id");
        film!.Name.Should().Be(StubFilmOrchestration.Name);
        (film.ReadInputAs<FilmRequest>()! with { Label = null }).Should().Be(
            new FilmRequest(accepted.Id, $"orders/{accepted.Id}/order.yaml", new QueuedAssembly(TimeSpan.FromMinutes(60))),
            "the app's films are assembled by the assembler container");
        (await host.Store.ReadTextAsync($"orders/{accepted.Id}/order.yaml")).Should().Be(Order("Harbour Lights"));
    }

    [Fact]
    public async Task SubmitFilm_SameIdempotencyKeyTwice_AnswersWithTheSameFilmAndStartsOneInstance()
    {
        async Task<HttpAnswer> SubmitAsync()
        {
            var call = HttpCall.To("POST", "/api/films", Order("Quay Lamps"), "application/yaml");
            call.Request.Headers[IdempotencyRecords.HeaderName] = "order-7731";
            return await call.AnswerAsync(host.Api.SubmitFilm(call.Request, host.Client, CancellationToken.None));
        }

        var first = await SubmitAsync();
        var again = await SubmitAsync();

        again.Status.Should().Be(202, again.Body);
        again.Json<FilmAccepted>().Id.Should().Be(first.Json<FilmAccepted>().Id);
        (await host.FilmsAsync("quay-lamps-")).Should().ContainSingle("a repeated start of the same instance id starts nothing on Durable Task");
    }

    [Fact]
    public async Task SubmitFilm_InvalidOrder_Answers400AndStartsNothing()
    {
        var call = HttpCall.To("POST", "/api/films", "title: Broken Lights\nmodel: mock\nshots: []\n", "application/yaml");

        var answer = await call.AnswerAsync(host.Api.SubmitFilm(call.Request, host.Client, CancellationToken.None));

        answer.Status.Should().Be(400);
        answer.ContentType.Should().Be("application/problem+json");
        (await host.FilmsAsync("broken-lights-")).Should().BeEmpty();
    }

    [Fact]
    public async Task GetFilm_ARunningFilm_IsReadBackFromTheRuntimeWaitingForApproval()
    {
        var filmId = await SubmitAsync("Lantern Walk");
        await host.AtStageAsync(filmId, FilmStages.Approval);

        var status = await GetAsync(filmId);

        status.Id.Should().Be(filmId);
        status.Status.Should().Be("running");
        status.Stage.Should().Be(FilmStages.Approval);
        status.AwaitingApproval.Should().BeTrue();
        status.Links.Should().Be(new FilmLinks(
            $"https://{HttpCall.Host}/api/films/{filmId}", $"https://{HttpCall.Host}/api/films/{filmId}/approve", $"https://{HttpCall.Host}/api/films/{filmId}/cancel"));
    }

    [Fact]
    public async Task GetFilm_NoSuchFilm_Answers404()
    {
        var call = HttpCall.To("GET", "/api/films/no-such-film-000000", routeValues: new { id = "no-such-film-000000" });

        var answer = await call.AnswerAsync(host.Api.GetFilm(call.Request, "no-such-film-000000", host.Client, CancellationToken.None));

        answer.Status.Should().Be(404);
    }

    [Fact]
    public async Task ApproveFilm_RaisesTheApprovalTheOrchestrationWaitsFor_ThenAgainAnswers409()
    {
        var filmId = await SubmitAsync("Net Menders");
        await host.AtStageAsync(filmId, FilmStages.Approval);

        var approve = HttpCall.To("POST", $"/api/films/{filmId}/approve", """{"approved": true, "by": "Mei"}""", routeValues: new { id = filmId });
        var answer = await approve.AnswerAsync(host.Api.ApproveFilm(approve.Request, filmId, host.Client, CancellationToken.None));

        answer.Status.Should().Be(202, answer.Body);
        answer.Json<FilmAccepted>().Status.Should().Be("approved");
        (await host.AtStageAsync(filmId, FilmStages.Assemble)).ReadCustomStatusAs<FilmProgress>()!.Message.Should().Be("approved by Mei");
        (await GetAsync(filmId)).AwaitingApproval.Should().BeFalse();

        var again = HttpCall.To("POST", $"/api/films/{filmId}/approve", routeValues: new { id = filmId });
        (await again.AnswerAsync(host.Api.ApproveFilm(again.Request, filmId, host.Client, CancellationToken.None))).Status
            .Should().Be(409, "the film no longer waits for approval");
    }

    [Fact]
    public async Task CancelFilm_TerminatesTheFilm_ThenAgainAnswers409()
    {
        var filmId = await SubmitAsync("Ebb Tide");
        await host.AtStageAsync(filmId, FilmStages.Approval);

        var cancel = HttpCall.To("POST", $"/api/films/{filmId}/cancel", routeValues: new { id = filmId });
        var answer = await cancel.AnswerAsync(host.Api.CancelFilm(cancel.Request, filmId, host.Client, CancellationToken.None));

        answer.Status.Should().Be(202, answer.Body);
        answer.Json<FilmAccepted>().Status.Should().Be("cancelling");
        (await host.EndedAsync(filmId)).RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Terminated);
        var status = await GetAsync(filmId);
        status.Status.Should().Be("cancelled");
        status.Error.Should().Be("cancelled through the API");

        var again = HttpCall.To("POST", $"/api/films/{filmId}/cancel", routeValues: new { id = filmId });
        (await again.AnswerAsync(host.Api.CancelFilm(again.Request, filmId, host.Client, CancellationToken.None))).Status.Should().Be(409);
    }

    private static string Order(string title) => $"""
        title: {title}
        model: mock
        shots:
          - id: quay
            prompt: Fishing boats at the quay at dawn
            seconds: 4
        """;

    private async Task<string> SubmitAsync(string title)
    {
        var call = HttpCall.To("POST", "/api/films", Order(title), "application/yaml");
        var answer = await call.AnswerAsync(host.Api.SubmitFilm(call.Request, host.Client, CancellationToken.None));
        answer.Status.Should().Be(202, answer.Body);
        return answer.Json<FilmAccepted>().Id;
    }

    private async Task<FilmStatusResponse> GetAsync(string filmId)
    {
        var call = HttpCall.To("GET", $"/api/films/{filmId}", routeValues: new { id = filmId });
        var answer = await call.AnswerAsync(host.Api.GetFilm(call.Request, filmId, host.Client, CancellationToken.None));
        answer.Status.Should().Be(200, answer.Body);
        return answer.Json<FilmStatusResponse>();
    }
}
