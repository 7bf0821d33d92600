using CloudReel.Cli.Commands;
using CloudReel.Cli.Hosting;
using CloudReel.Cli.Tests.Support;

namespace CloudReel.Cli.Tests.Hostile;

/// <summary>
/// The hostile order corpus (tests/hostile/orders, listed with what must be said in expected.tsv): every
/// order is refused by `validate` with exit 2 and its error at its line and field, never a crash or a hang.
/// </summary>
public sealed class HostileOrderCorpusTests : IDisposable
{
    private static readonly string Corpus = Path.Combine(Workspace.RepositoryRoot, "tests", "hostile", "orders");
    private readonly Workspace _workspace = new();

    public static TheoryData<string, string> Orders()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(Corpus, "expected.tsv")).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var (file, expected) = (line.Split('\t')[0], line.Split('\t')[1]);
            data.Add(file, expected);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Validate_HostileOrder_RefusedWithItsErrorLocated(string file, string expected)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(new CloudReelHome(Path.Combine(_workspace.Root, "home")), verbose: false, plain: true);
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var exit = await ValidateCommand.RunAsync(context, new FileInfo(Path.Combine(Corpus, file)), stdout, stderr, patience.Token);

        exit.Should().Be(ExitCodes.InvalidInput, stderr.ToString());
        stderr.ToString().Split('\n').Should().Contain(l => l.Contains(expected, StringComparison.Ordinal), stderr.ToString());
    }

    [Fact]
    public void Corpus_EveryOrderIsListedWithWhatMustBeSaid()
    {
        var listed = Orders().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var orders = Directory.EnumerateFiles(Corpus).Select(Path.GetFileName).Where(f => f!.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal));

        orders.Should().BeSubsetOf(listed);
    }

    public void Dispose() => _workspace.Dispose();
}
