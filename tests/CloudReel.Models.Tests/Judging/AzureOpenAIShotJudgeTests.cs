using CloudReel.Core.Quality;
using CloudReel.Models.Configuration;
using CloudReel.Models.Judging;
using CloudReel.Testing.Fakes;

namespace CloudReel.Models.Tests.Judging;

/// <summary>The vision judge against a fake Azure OpenAI chat-completions endpoint.</summary>
public sealed class AzureOpenAIShotJudgeTests : IAsyncLifetime
{
    private static readonly JudgedImage Jpeg = new(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3 }, "image/jpeg");
    private static readonly JudgedImage Png = new(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 4, 5 }, "image/png");
    private readonly FakeAzureOpenAI _fake = new();

    public async Task InitializeAsync() => await _fake.StartAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void FramesPerClip_IsTheJudgeFramesSetting(int frames)
    {
        using var judge = new AzureOpenAIShotJudge(new JudgeOptions { Deployment = "gpt-4o", Frames = frames }, new AzureOpenAIOptions { Endpoint = "https://example.openai.azure.com", ApiKey = "k" });

        judge.FramesPerClip.Should().Be(frames);
    }

    [Fact]
    public async Task JudgeAsync_Request_AsksForStrictStructuredOutputWithTheCastTheLookAndTheFramesAsImages()
    {
        _fake.ChatAnswer = _ => """{"pass": true, "score": 0.9, "reason": "Mei matches her references."}""";
        using var judge = Create();

        await judge.JudgeAsync(Request());

        var request = _fake.ChatRequests.Single();
        request["model"]!.GetValue<string>().Should().Be("gpt-4o");
        request["response_format"]!["json_schema"]!["name"]!.GetValue<string>().Should().Be(JudgeSchema.Name);
        request["response_format"]!["json_schema"]!["schema"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("pass", "score", "reason");
        var parts = request["messages"]![1]!["content"]!.AsArray();
        var texts = parts.Where(p => p!["type"]!.GetValue<string>() == "text").Select(p => p!["text"]!.GetValue<string>()).ToList();
        texts.Should().Contain("Shot: Mei runs along the pier at dawn");
        texts.Should().Contain(t => t.StartsWith("Character 'Mei': a girl of eight in a yellow raincoat", StringComparison.Ordinal));
        texts.Should().Contain("The film's look: clay animation, warm light");
        var images = parts.Where(p => p!["type"]!.GetValue<string>() == "image_url").Select(p => p!["image_url"]!["url"]!.GetValue<string>()).ToList();
        images.Should().HaveCount(2 + 1 + 3, "two pictures of Mei, one of the look, three frames");
        images.Take(2).Should().OnlyContain(u => u.StartsWith("data:image/png;base64,", StringComparison.Ordinal));
        images.TakeLast(3).Should().OnlyContain(u => u == "data:image/jpeg;base64," + Convert.ToBase64String(Jpeg.Bytes.ToArray()));
        texts.IndexOf("3 frames sampled from the clip, in order, follow.").Should().BeGreaterThan(texts.FindIndex(t => t.StartsWith("Character", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task JudgeAsync_PassingAnswer_IsAPassingCheckWithItsScoreAndCost()
    {
        _fake.ChatAnswer = _ => """{"pass": true, "score": 0.92, "reason": "Mei matches; the clay look holds."}""";
        using var judge = Create(new JudgeOptions { Deployment = "gpt-4o", PricePerMillionInputTokens = 2.5m, PricePerMillionOutputTokens = 10m });

        var verdict = await judge.JudgeAsync(Request());

        verdict.Should().Be(new JudgeVerdict(true, 0.92, "Mei matches; the clay look holds.") { Cost = 0.00125m });
        verdict.ToCheck().Should().Be(new QualityCheck("judge", true, "Mei matches; the clay look holds.", Score: 0.92) { Cost = 0.00125m });
    }

    [Fact]
    public async Task JudgeAsync_FailingAnswer_FailsWithTheJudgesReason()
    {
        _fake.ChatAnswer = _ => """{"pass": false, "score": 0.2, "reason": "Mei wears a blue coat in frame 2; her references show yellow."}""";
        using var judge = Create();

        var verdict = await judge.JudgeAsync(Request());

        verdict.Pass.Should().BeFalse();
        verdict.Reason.Should().Be("Mei wears a blue coat in frame 2; her references show yellow.");
    }

    [Fact]
    public async Task JudgeAsync_PassWithAScoreUnderTheMinimum_Fails()
    {
        _fake.ChatAnswer = _ => """{"pass": true, "score": 0.45, "reason": "Roughly right."}""";
        using var judge = Create(new JudgeOptions { Deployment = "gpt-4o", MinScore = 0.6 });

        var verdict = await judge.JudgeAsync(Request());

        verdict.Pass.Should().BeFalse();
        verdict.Reason.Should().Be("score 0.45 is under 0.6: Roughly right.");
    }

    [Fact]
    public async Task JudgeAsync_ServiceRefusesTheKey_Throws()
    {
        using var judge = new AzureOpenAIShotJudge(new JudgeOptions { Deployment = "gpt-4o" }, new AzureOpenAIOptions { Endpoint = _fake.Endpoint, ApiKey = "wrong" });

        var act = () => judge.JudgeAsync(Request());

        await act.Should().ThrowAsync<System.ClientModel.ClientResultException>();
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private AzureOpenAIShotJudge Create(JudgeOptions? options = null) =>
        new(options ?? new JudgeOptions { Deployment = "gpt-4o" }, new AzureOpenAIOptions { Endpoint = _fake.Endpoint, ApiKey = "azure-key" });

    private static JudgeRequest Request() => new(
        "Mei runs along the pier at dawn",
        [Jpeg, Jpeg, Jpeg],
        [new JudgedCharacter("Mei", "a girl of eight in a yellow raincoat and red boots", [Png, Png])],
        "clay animation, warm light",
        [Png]);
}
