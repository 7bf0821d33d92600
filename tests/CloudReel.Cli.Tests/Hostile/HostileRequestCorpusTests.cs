using System.Text;
using CloudReel.Cli.Tests.Serve;
using CloudReel.Cli.Tests.Support;

namespace CloudReel.Cli.Tests.Hostile;

/// <summary>
/// The hostile request corpus (tests/hostile/requests/*.http, listed in expected.tsv with the status and a piece of the
/// answer): each request is sent to `cloudreel serve` with its key; each must get its refusal as problem details, never a
/// 5xx, an empty answer or a raw control character echoed back.
/// </summary>
public sealed class HostileRequestCorpusTests : IAsyncLifetime, IDisposable
{
    private static readonly string Corpus = Path.Combine(Workspace.RepositoryRoot, "tests", "hostile", "requests");
    private readonly Workspace _workspace = new();
    private ServeSession _serve = null!;

    public async Task InitializeAsync() => _serve = await ServeSession.StartAsync(_workspace);

    public static TheoryData<string, int, string> Requests()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var line in File.ReadLines(Path.Combine(Corpus, "expected.tsv")).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var cells = line.Split('\t');
            data.Add(cells[0], int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture), cells[2]);
        }

        return data;
    }

    [Fact]
    public void Corpus_EveryRequestIsListedWithItsAnswer()
    {
        var listed = Requests().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);

        Directory.EnumerateFiles(Corpus, "*.http").Select(Path.GetFileName).Should().BeSubsetOf(listed);
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Send_HostileRequest_RefusedWithItsStatusAndAReason(string file, int status, string expected)
    {
        using var request = Read(Path.Combine(Corpus, file));

        using var response = await _serve.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).Should().Be(status, body);
        body.Should().Contain(expected).And.NotContain("\u001b");
    }

    /// <summary>A request as written in the corpus: "METHOD path", header lines, a blank line, the body.</summary>
    private static HttpRequestMessage Read(string path)
    {
        var lines = File.ReadAllText(path).Split('\n');
        var first = lines[0].Split(' ', 2);
        var request = new HttpRequestMessage(new HttpMethod(first[0]), first[1].TrimStart('/'));
        var headers = lines.Skip(1).TakeWhile(l => l.Length > 0).Select(l => l.Split(':', 2)).ToList();
        var body = string.Join('\n', lines.Skip(2 + headers.Count)).Replace("\\e", "\u001b", StringComparison.Ordinal);
        var contentType = headers.FirstOrDefault(h => h[0] == "Content-Type")?[1].Trim();
        if (contentType is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType);
        foreach (var header in headers.Where(h => h[0] != "Content-Type")) request.Headers.TryAddWithoutValidation(header[0], header[1].Trim());
        return request;
    }

    public async Task DisposeAsync() => await _serve.DisposeAsync();

    public void Dispose() => _workspace.Dispose();
}
