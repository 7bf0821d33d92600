using System.Text.Json;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning;
using CloudReel.Core.Tests.Orders;

namespace CloudReel.Core.Tests.Planning;

/// <summary>
/// The offline planner on briefs and screenplays it was not tuned on (Planning/Unseen): each
/// document is planned as `cloudreel plan FILE` would (an order file: as rendering it would), and
/// the plan is held to expectations written from reading the document: title, target length,
/// style, caption languages, how many shots, which words must be captions and which must never
/// be a shot or a caption.
/// </summary>
public sealed class UnseenDocumentTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Planning", "Unseen");

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var document in Expectations().EnumerateArray()) data.Add(document.GetProperty("file").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Plan_UnseenDocument_MeetsItsExpectations(string file)
    {
        var expected = Expectations().EnumerateArray().Single(d => d.GetProperty("file").GetString() == file);
        var (order, script) = await OrderOfAsync(file);
        var notes = new List<string>();
        var stated = BriefFacts.Complete(order, script, notes);

        var result = RuleBasedPlanner.Plan(order, script, PlanningFixtures.Animatic);
        var planned = result.Planned;
        var shots = planned.Shots;
        var because = $"{file} planned as: {Describe(planned)}";

        if (expected.TryGetProperty("title", out var title)) planned.Title.Should().Be(title.GetString(), because);
        if (expected.TryGetProperty("titleContains", out var part)) planned.Title.Should().Contain(part.GetString(), because);

        if (expected.GetProperty("seconds").ValueKind == JsonValueKind.Null)
        {
            stated.TargetSeconds.Should().BeNull(because);
        }
        else
        {
            var seconds = expected.GetProperty("seconds").GetDouble();
            stated.TargetSeconds.Should().Be(seconds, because);
            // The film aims for the length, as far as the model's longest clips let its shots stretch.
            var longest = PlanningFixtures.Animatic.Durations.Max;
            if (planned.Shots.Any(s => s.Seconds < longest)) FilmLength(planned).Should().BeApproximately(seconds, 0.5, because);
            else FilmLength(planned).Should().BeLessThan(seconds, because);
        }

        if (expected.GetProperty("style").ValueKind == JsonValueKind.Null) planned.Style.Should().BeEmpty(because);
        else foreach (var style in Strings(expected.GetProperty("style"))) planned.Style.Should().ContainEquivalentOf(style, because);

        planned.Languages.Should().BeEquivalentTo(Strings(expected.GetProperty("languages")), because);
        if (expected.TryGetProperty("firstLanguage", out var first)) planned.Languages[0].Should().Be(first.GetString(), because);

        var bounds = Strings(expected.GetProperty("shots")).Select(int.Parse).ToList();
        shots.Count.Should().BeInRange(bounds[0], bounds[1], because);

        foreach (var language in expected.GetProperty("captions").EnumerateObject())
        {
            var captions = shots.Select(s => s.Captions.GetValueOrDefault(language.Name) ?? "").ToList();
            foreach (var words in Strings(language.Value)) captions.Should().Contain(c => c.Contains(words, StringComparison.Ordinal), $"'{words}' is a {language.Name} caption; {because}");
        }
        if (expected.TryGetProperty("everyShotCaptioned", out var every))
        {
            foreach (var language in Strings(every)) shots.Should().OnlyContain(s => s.Captions.ContainsKey(language), $"every shot has a {language} caption; {because}");
        }
        foreach (var words in Strings(expected.GetProperty("notInCaptions")))
        {
            shots.SelectMany(s => s.Captions.Values).Should().NotContain(c => c.Contains(words, StringComparison.OrdinalIgnoreCase), $"'{words}' is no caption; {because}");
        }
        foreach (var words in Strings(expected.GetProperty("notInPrompts")))
        {
            shots.Should().NotContain(s => s.Prompt.Contains(words, StringComparison.OrdinalIgnoreCase), $"'{words}' is no shot; {because}");
        }

        (await FilmPlanner.CheckAsync(planned, OrderTestKit.Models, new FakeOrderFiles())).Should().BeEmpty("a plan is a valid order");
    }

    /// <summary>The order `cloudreel plan FILE` makes of the document, and the screenplay's text when it is one.</summary>
    private static async Task<(FilmOrder Order, string? Script)> OrderOfAsync(string file)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Folder, file));
        var name = Path.GetFileNameWithoutExtension(file);
        switch (Path.GetExtension(file))
        {
            case ".fountain":
                return (DocumentOrders.FromScript(text, file, name), text);
            case ".yaml":
                return (await OrderTestKit.LoadValidAsync(text), null);
            default:
                return (DocumentOrders.FromBrief(text, name), null);
        }
    }

    private static double FilmLength(FilmOrder planned) =>
        planned.Shots.Sum(s => s.Seconds) - planned.Shots.Take(planned.Shots.Count - 1).Sum(s => (s.Transition ?? planned.Transition).OverlapSeconds);

    private static string Describe(FilmOrder planned) =>
        $"title '{planned.Title}', style '{planned.Style}', languages [{string.Join(", ", planned.Languages)}], shots: "
        + string.Join(" | ", planned.Shots.Select(s => $"{s.Prompt} {{{string.Join("; ", s.Captions.Select(c => $"{c.Key}: {c.Value}"))}}}"));

    private static IEnumerable<string> Strings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Number ? e.GetRawText() : e.GetString()!);

    private static JsonElement Expectations()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expectations.json")));
        return document.RootElement.GetProperty("documents").Clone();
    }
}
