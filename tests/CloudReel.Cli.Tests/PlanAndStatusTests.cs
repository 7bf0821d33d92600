using CloudReel.Cli.Tests.Support;

namespace CloudReel.Cli.Tests;

/// <summary>`cloudreel plan`, `status` and `resume` on finished films.</summary>
public sealed class PlanAndStatusTests : IDisposable
{
    private readonly Workspace _workspace = new();

    [Fact]
    public async Task Plan_SampleBrief_WritesAnOrderThatValidatesAsShots()
    {
        var order = _workspace.CopyFromRepository("samples/hangzhou-brief/order.yaml", "hangzhou/order.yaml");

        var plan = await _workspace.Cli.RunAsync("plan", order);

        plan.ExitCode.Should().Be(0, plan.ToString());
        var planned = Path.Combine(_workspace.Root, "hangzhou", "order.planned.yaml");
        var text = File.ReadAllText(planned);
        text.Should().StartWith("# yaml-language-server: $schema=").And.Contain("shots:").And.NotContain("brief:");
        text.Should().Contain("zh-CN: 清晨的西湖").And.Contain("en: At dawn");
        var validate = await _workspace.Cli.RunAsync("validate", planned);
        validate.ExitCode.Should().Be(0, validate.ToString());
        validate.Stdout.Should().Contain("7 shots");
    }

    [Fact]
    public async Task Plan_PlainTextBrief_UsesItsFirstLineAsTitle()
    {
        var brief = _workspace.Write("brief.txt", "Night Markets of Taipei\n\nSteam rises from the stalls of Raohe market. Lanterns sway over the crowd.\n\nA vendor folds dumplings by hand.");

        var plan = await _workspace.Cli.RunAsync("plan", brief, "--language", "en", "-o", Path.Combine(_workspace.Root, "plans", "taipei.yaml"));

        plan.ExitCode.Should().Be(0, plan.ToString());
        var text = File.ReadAllText(Path.Combine(_workspace.Root, "plans", "taipei.yaml"));
        text.Should().Contain("title: Night Markets of Taipei").And.Contain("Steam rises from the stalls");
        (await _workspace.Cli.RunAsync("validate", Path.Combine(_workspace.Root, "plans", "taipei.yaml"))).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Plan_FountainScreenplay_IsPlannedDirectlyFromItsTitlePageAndDialogue()
    {
        var script = _workspace.Write("ferry.fountain", "Title: Last Ferry\nNotes: A 20-second short in a neon noir style.\n\nEXT. PIER - NIGHT\n\nA courier runs for the closing gate.\n\nDECKHAND\n(shouting)\nLast crossing!\n");

        var plan = await _workspace.Cli.RunAsync("plan", script);

        plan.ExitCode.Should().Be(0, plan.ToString());
        var text = File.ReadAllText(Path.Combine(_workspace.Root, "ferry.planned.yaml"));
        text.Should().Contain("title: Last Ferry").And.Contain("style: neon noir").And.Contain("languages:\n  - en\n").And.Contain("en: Last crossing!");
        text.Should().NotContain("shouting").And.NotMatchRegex("(?m)^script:", "a screenplay is planned into shots, not into an order that points at it");
        (await _workspace.Cli.RunAsync("validate", Path.Combine(_workspace.Root, "ferry.planned.yaml"))).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Plan_MarkdownBrief_TakesTitleStyleAndCaptionLanguagesFromItsText()
    {
        var brief = _workspace.Write("lake.md", "# 西湖 · West Lake\n\n**Style:** watercolor animation\n\n- 清晨，断桥笼在薄雾里。 Dawn: mist wraps the Broken Bridge.\n- 傍晚，雷峰塔映在湖面上。 At dusk, Leifeng Pagoda glows on the water.\n");

        var plan = await _workspace.Cli.RunAsync("plan", brief);

        plan.ExitCode.Should().Be(0, plan.ToString());
        var text = File.ReadAllText(Path.Combine(_workspace.Root, "lake.planned.yaml"));
        text.Should().Contain("title: 西湖 · West Lake").And.Contain("style: watercolor animation").And.Contain("languages:\n  - zh-CN\n  - en\n");
        text.Should().Contain("zh-CN: 清晨，断桥笼在薄雾里。").And.Contain("en: 'Dawn: mist wraps the Broken Bridge.'");
        text.Should().NotContain("prompt: 西湖");
    }

    [Fact]
    public async Task Plan_OrderThatAlreadyHasShots_SaysThereIsNothingToPlan()
    {
        var order = _workspace.Write("order.yaml", "title: T\nshots:\n  - {id: a, prompt: x}\n");

        var plan = await _workspace.Cli.RunAsync("plan", order);

        plan.ExitCode.Should().Be(2);
        plan.Stderr.Should().Contain("already has shots");
    }

    [Fact]
    public async Task StatusAndResume_AfterARender_ShowTheFinishedFilm()
    {
        var order = _workspace.Write("order.yaml", "title: Status Film\nresolution: 180p\nshots:\n  - {id: a, prompt: One, seconds: 1}\n  - {id: b, prompt: Two, seconds: 1}\n");
        var render = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);
        render.ExitCode.Should().Be(0, render.ToString());

        var list = await _workspace.Cli.RunAsync("status");
        var detail = await _workspace.Cli.RunAsync("status", render.FilmId);
        var resume = await _workspace.Cli.RunAsync("resume", render.FilmId);

        list.Stdout.Should().Contain(render.FilmId).And.Contain("completed").And.Contain("Status Film");
        detail.Stdout.Should().Contain("shot a").And.Contain("shot b").And.Contain("generated");
        resume.ExitCode.Should().Be(0, resume.ToString());
        resume.Stdout.Should().Contain("already finished").And.Contain("Film ready");
    }

    [Fact]
    public async Task Resume_UnknownFilm_SaysSoClearly()
    {
        var resume = await _workspace.Cli.RunAsync("resume", "no-such-film");

        resume.ExitCode.Should().Be(2);
        resume.Stderr.Should().Contain("No film 'no-such-film'");
    }

    public void Dispose() => _workspace.Dispose();
}
