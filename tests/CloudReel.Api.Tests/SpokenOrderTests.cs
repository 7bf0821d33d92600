using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudReel.Api.Tests.Support;

namespace CloudReel.Api.Tests;

/// <summary>A spoken order over the API: its voices held to the providers' voice lists at the door, before anything is staged or started.</summary>
public sealed class SpokenOrderTests : IAsyncLifetime
{
    private const string Spoken = """
        title: Harbour Voices
        model: mock
        languages: [en]
        characters:
          - {id: mei, name: Mei, look: a girl in a yellow raincoat, voice: en-us}
        shots:
          - id: quay
            prompt: Fishing boats at the quay at dawn
            seconds: 4
            narration: Dawn at the quay.
            dialogue: [{character: mei, line: Look!}]
        """;

    private ApiServer _server = null!;

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("api/films")]
    [InlineData("api/films?dryRun=true")]
    public async Task Submit_CharacterVoiceTheProviderLacks_Answers400AtItsLineWithDidYouMean_AndStartsNothing(string route)
    {
        var response = await _server.Client.PostAsync(route, ApiServer.Yaml(Spoken.Replace("voice: en-us}", "voice: en-su}", StringComparison.Ordinal)));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Should().ContainSingle().Which;
        error.GetProperty("field").GetString().Should().Be("characters[0].voice");
        (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetInt32()).Should().Be((5, 68));
        error.GetProperty("message").GetString().Should().Contain("espeak has no voice 'en-su'").And.Contain("did you mean 'en-us'");
        _server.Runtime.Started.Should().BeEmpty();
        (await _server.Store.ListAsync("orders/")).Should().BeEmpty("nothing is staged for a refused order");
    }

    [Fact]
    public async Task Submit_SpokenOrderWithKnownVoices_IsStarted()
    {
        var response = await _server.Client.PostAsync("api/films", ApiServer.Yaml(Spoken));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        _server.Runtime.Started.Should().ContainSingle();
    }
}
