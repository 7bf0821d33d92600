using CloudReel.Cli.Batches;
using CloudReel.Cli.Commands;
using CloudReel.Cli.Hosting;
using CloudReel.Cli.Tests.Support;

namespace CloudReel.Cli.Tests;

/// <summary>`cloudreel batch` on the food-guide sample, in process: rows validated, the dry run's shared shots and budget.</summary>
public sealed class BatchCommandTests : IDisposable
{
    private const string Sample = "samples/food-guide";

    private readonly Workspace _workspace = new();

    [Fact]
    public async Task DryRun_Sample_PlansEveryRowAndCountsTheShotsRowsShare()
    {
        var (template, data) = CopySample();

        var run = await BatchAsync(template, data, dryRun: true);

        run.ExitCode.Should().Be(ExitCodes.Success, run.ToString());
        run.Stdout.Should().Contain("12 films, nothing is submitted");
        var lines = run.Stdout.Split('\n');
        lines.Should().Contain(l => l.StartsWith("1 ", StringComparison.Ordinal) && l.Contains(" xian ", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("11 ", StringComparison.Ordinal) && l.Contains(" kunming ", StringComparison.Ordinal));
        run.Stdout.Should().Contain("12 films, 66 shots: 44 to generate, 0 from the clip store");
        run.Stdout.Should().Contain("shared between rows: 22 shots are the same clip as an earlier row's (2 distinct)");
        Directory.Exists(Path.Combine(_workspace.Root, "out")).Should().BeFalse("a dry run makes nothing");
    }

    [Fact]
    public async Task DryRun_PricedModel_SharedShotsPaidOnce_AndTheTotalHeldToTheBudget()
    {
        var (template, data) = CopySample();
        File.WriteAllText(template, File.ReadAllText(template).Replace("model: animatic", "model: vidu", StringComparison.Ordinal));
        Directory.CreateDirectory(_workspace.Cli.Home);
        File.WriteAllText(Path.Combine(_workspace.Cli.Home, "appsettings.json"),
            """{"Models": {"Vidu": {"ApiKey": "test-key", "BaseUrl": "http://127.0.0.1:9", "PricePerSecond": 0.10}}}""");

        var fits = await BatchAsync(template, data, dryRun: true, budget: 10.00m);
        var over = await BatchAsync(template, data, dryRun: true, budget: 9.99m);

        // 144 s of shots at 0.10 USD/s is 14.40 alone; the intro and outro (2 s each) are the same clip in all 12 rows.
        fits.ExitCode.Should().Be(ExitCodes.Success, fits.ToString());
        fits.Stdout.Should().Contain("made and paid once through the clip cache: saves 4.40 USD");
        fits.Stdout.Should().Contain("batch total 10.00 USD of a 10.00 USD budget");
        fits.Stdout.Split('\n').Should().Contain(l => l.StartsWith("2 ", StringComparison.Ordinal) && l.EndsWith("1.50 USD  1.10 USD", StringComparison.Ordinal));
        over.ExitCode.Should().Be(ExitCodes.FilmFailed, over.ToString());
        over.Stdout.Should().Contain("batch total 10.00 USD, OVER the --budget of 9.99 USD: the batch would not be started");
    }

    [Fact]
    public async Task BrokenRows_AreRefusedWithEveryErrorLocated_AndNothingIsPlanned()
    {
        var (template, data) = CopySample();
        var csv = File.ReadAllText(data)
            .Replace("pictures/chengdu.jpg", "pictures/chengdu.png", StringComparison.Ordinal)
            .Replace(",30,false,", ",thirty,false,", StringComparison.Ordinal);
        File.WriteAllText(data, csv);

        var run = await BatchAsync(template, data, dryRun: true);

        run.ExitCode.Should().Be(ExitCodes.InvalidInput, run.ToString());
        run.Stderr.Should().Contain("cities.csv:3:4: row 2 column 'picture' → shots[1].image: file not found: pictures/chengdu.png (relative to the template)");
        run.Stderr.Should().Contain("cities.csv:10:6: row 9 column 'price': expected a number");
        run.Stderr.Should().Contain("2 error(s): the batch was not accepted; nothing was submitted.");
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Options_AreChecked()
    {
        var (template, data) = CopySample();

        var badCap = await BatchAsync(template, data, dryRun: true, filmsAtOnce: 0);
        var badBudget = await BatchAsync(template, data, dryRun: true, budget: -1m);

        badCap.ExitCode.Should().Be(ExitCodes.InvalidInput);
        badCap.Stderr.Should().Contain("--films-at-once: 0 is not from 1 to 64.");
        badBudget.ExitCode.Should().Be(ExitCodes.InvalidInput);
        badBudget.Stderr.Should().Contain("--budget: -1 must be more than 0.");
    }

    public void Dispose() => _workspace.Dispose();

    private (string Template, string Data) CopySample()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Workspace.RepositoryRoot, Sample), "*", SearchOption.AllDirectories))
        {
            _workspace.CopyFromRepository(Path.GetRelativePath(Workspace.RepositoryRoot, file), Path.Combine("guide", Path.GetRelativePath(Path.Combine(Workspace.RepositoryRoot, Sample), file)));
        }

        return (Path.Combine(_workspace.Root, "guide", "template.yaml"), Path.Combine(_workspace.Root, "guide", "cities.csv"));
    }

    private async Task<CliResult> BatchAsync(string template, string data, bool dryRun, decimal? budget = null, int filmsAtOnce = 2)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(new CloudReelHome(_workspace.Cli.Home), verbose: false, plain: true);
        var request = new BatchRequest(new FileInfo(template), new FileInfo(data), new DirectoryInfo(Path.Combine(_workspace.Root, "out")), filmsAtOnce, budget);
        var exit = await BatchCommand.RunAsync(context, request, dryRun, stdout, stderr, CancellationToken.None);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }
}
