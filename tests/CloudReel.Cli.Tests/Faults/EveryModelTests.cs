using System.Text.Json;
using CloudReel.Cli.Hosting;
using CloudReel.Cli.Orders;
using CloudReel.Cli.Tests.Support;
using CloudReel.Core.Intake;
using CloudReel.Core.Ports;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;
using CloudReel.Local.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudReel.Cli.Tests.Faults;

/// <summary>Films that name every model, and films that share one service's job slots, on the local engine against the fakes.</summary>
public sealed class EveryModelTests : IAsyncLifetime, IDisposable
{
    private const string Workflow = """
        {
          "3": {"class_type": "KSampler", "inputs": {"seed": "{{seed}}", "steps": 20}},
          "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{prompt}}"}},
          "7": {"class_type": "EmptyHunyuanLatentVideo", "inputs": {"width": "{{width}}", "height": "{{height}}", "length": "{{frames}}", "seconds": "{{seconds}}"}},
          "9": {"class_type": "SaveVideo", "inputs": {"filename_prefix": "cloudreel"}}
        }
        """;

    private readonly Workspace _workspace = new();
    private ServiceFakes _fakes = null!;
    private InProcessCli _cli = null!;

    public async Task InitializeAsync()
    {
        _fakes = await ServiceFakes.StartAsync();
        _cli = new InProcessCli(_workspace);
        _fakes.WriteAppSettings(_cli.Home);
    }

    [Fact]
    public async Task Render_OrderNamingEveryModel_RendersEachShotWithItsModel()
    {
        _workspace.CopyFromRepository("samples/shanghai-clay/refs/bund.jpg", "refs/bund.jpg");
        _workspace.Write("comfy/wan.json", Workflow);
        var order = _workspace.Write("order.yaml", """
            title: Every Model
            resolution: 180p
            transition: cut
            workflow: comfy/wan.json
            shots:
              - {id: sora-two, prompt: A lighthouse at dawn, seconds: 4, model: sora-2, image: refs/bund.jpg}
              - {id: sora-one, prompt: Gulls over the pier, seconds: 2, model: sora-1}
              - {id: kling, prompt: A tram crossing a bridge, seconds: 5, model: kling, image: refs/bund.jpg}
              - {id: vidu, prompt: Lanterns in the rain, seconds: 2, model: vidu}
              - {id: seedance, prompt: Tea leaves unfurling, seconds: 2, model: seedance}
              - {id: cogvideox, prompt: A night market, seconds: 5, model: cogvideox}
              - {id: comfyui, prompt: Clay boats on a canal, seconds: 2, model: comfyui}
            """);

        var run = await _cli.RenderAsync(order);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Report.ShotDetails.Should().OnlyContain(s => s.Model == s.Id.Replace("sora-two", "sora-2").Replace("sora-one", "sora-1"));
        _fakes.All.Sum(f => f.JobsCreated).Should().Be(7);
        _fakes.Azure.Jobs.Values.Single(j => j.Id.StartsWith("video_", StringComparison.Ordinal)).Request["has_reference"]!.GetValue<bool>().Should().BeTrue();
        var provenance = JsonSerializer.Deserialize<Provenance>(File.ReadAllText(Path.Combine(run.Out, run.FilmId, "provenance.json")), WorkflowJson.Options)!;
        provenance.Shots.Should().HaveCount(7).And.OnlyContain(s => s.Sha256.Length == 64);
    }

    [Fact]
    public async Task Engine_TwoFilmsOnOneAzureResource_NeverRunMoreThanItsTwoJobsAtOnce()
    {
        _fakes.Azure.RunningPolls = 3;
        await using var host = await EngineHost.StartAsync(new CloudReelHome(_cli.Home), _workspace.Out, NullLoggerFactory.Instance, NullAssemblyProgressSink.Instance, CancellationToken.None);
        string[] films = ["film-one", "film-two"];
        foreach (var film in films)
        {
            var path = _workspace.Write($"{film}.yaml", FaultOrders.Of([], null, ("a", "sora-2", 4), ("b", "sora-2", 4), ("c", "sora-1", 2), ("d", "sora-1", 3)).Replace("Shot ", film + " shot ", StringComparison.Ordinal));
            var intake = host.Services.GetRequiredService<FilmIntake>();
            var loaded = await OrderFile.LoadAsync(path, intake, CancellationToken.None);
            var staged = await intake.StageAsync(film, loaded.Document, loaded.Result.Order, loaded.Files, CancellationToken.None);
            await host.Engine.StartAsync(nameof(FilmOrchestration), film, new FilmRequest(film, staged), CancellationToken.None);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var outcomes = await Task.WhenAll(films.Select(f => host.Engine.WaitForCompletionAsync(f, timeout.Token)));

        outcomes.Should().OnlyContain(o => o.Status == InstanceStatus.Completed, string.Join("; ", outcomes.Select(o => o.Failure?.ErrorMessage)));
        _fakes.Azure.JobsCreated.Should().Be(8, "the films' prompts differ, so no clip is shared");
        _fakes.Azure.MostRunningAtOnce.Should().BeInRange(1, 2, "Sora 1 and Sora 2 share the resource's two job slots, across both films (8 would run at once without them)");
    }

    [Fact]
    public async Task Render_BriefWithAChatDeployment_PlansThroughTheLanguageModelThenRenders()
    {
        _fakes.WriteAppSettings(_cli.Home, planner: true);
        _fakes.Azure.ChatAnswer = _ => """
            {"characters": [{"name": "Xiao Bai", "look": "a white cat with one black ear"}],
             "shots": [{"id": "roof", "prompt": "Xiao Bai walks along a tiled roof", "seconds": 3, "camera": "tracking", "characters": ["Xiao Bai"], "captions": []},
                       {"id": "moon", "prompt": "Xiao Bai watches the moon", "seconds": 2, "camera": "static", "characters": ["Xiao Bai"], "captions": []}]}
            """;
        var order = _workspace.Write("brief.yaml", """
            title: Roof Cat
            resolution: 180p
            model: vidu
            brief: A cat's night on the roofs of the old town.
            """);

        var run = await _cli.RenderAsync(order);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Report.ShotDetails.Select(s => s.Id).Should().Equal("roof", "moon");
        run.Report.ShotDetails.Should().OnlyContain(s => s.Prompt!.Contains("Xiao Bai: a white cat with one black ear", StringComparison.Ordinal));
        _fakes.Vidu.JobsCreated.Should().Be(2);
    }

    public async Task DisposeAsync() => await _fakes.DisposeAsync();

    public void Dispose() => _workspace.Dispose();
}
