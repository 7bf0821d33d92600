using System.Text;
using CloudReel.Cli.Tests.Support;

namespace CloudReel.Cli.Tests.Hostile;

/// <summary>`validate` lists the first hundred errors of an order and counts the rest.</summary>
public sealed class ErrorCapTests : IDisposable
{
    private readonly Workspace _workspace = new();

    [Fact]
    public async Task Validate_OrderWithThousandsOfErrors_ListsTheFirstHundredAndCountsTheRest()
    {
        var text = new StringBuilder("title: Many\nshots:\n");
        for (var i = 0; i < 1500; i++) text.Append("  - {id: BAD, prompt: '', seconds: 999}\n");
        var order = _workspace.Write("many.yaml", text.ToString());

        var result = await _workspace.Cli.RunAsync("validate", order);

        result.ExitCode.Should().Be(2, result.Stderr.Length > 2000 ? result.Stderr[..2000] : result.Stderr);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Count(l => l.StartsWith("many.yaml:", StringComparison.Ordinal)).Should().Be(100);
        lines.Should().Contain(l => l.Contains("more error(s) not listed", StringComparison.Ordinal));
        lines[^1].Should().MatchRegex(@"^\d{4,} error\(s\): the order was not accepted\.$");
    }

    public void Dispose() => _workspace.Dispose();
}
