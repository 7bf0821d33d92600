using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Workflow.Tests.Scenarios;

/// <summary>Sequences: each shot starts from the last frame of the one before it, and is keyed by that clip.</summary>
public abstract partial class FilmScenarios
{
    [Fact]
    public async Task Sequence_EachShotStartsFromTheLastFrameBeforeIt_AndAnEditRemakesOnlyTheRestOfItsSequence()
    {
        await World.MakeOrderPictureAsync("cast/mei.png");
        var first = await StartAsync("ferry", SequenceOrder("Mei finds a seat by the window"));
        var firstEnd = await EndedAsync(first);
        firstEnd.Status.Should().Be(WorkflowStatus.Completed, firstEnd.FailureMessage);
        var before = await ReportAsync(first);
        var keys = before.ShotDetails.ToDictionary(s => s.Id, s => s.ContentKey!);

        var sent = World.Takes.Sent;
        sent.Select(r => r.ShotText).Should().HaveCount(4);
        Index(sent, "Mei boards the ferry").Should().BeLessThan(Index(sent, "Mei finds a seat by the window"));
        Index(sent, "Mei finds a seat by the window").Should().BeLessThan(Index(sent, "The ferry leaves the pier"));
        Request(sent, "Mei boards the ferry").FirstFrame!.StoreName.Should().Be(StoreLayout.OrderFile("ferry", "cast/mei.png"), "the sequence opens on the character's picture");
        Request(sent, "Mei boards the ferry").Prompt.Should().Contain("Mei: a courier in an orange rain jacket");
        Request(sent, "The harbour lights at night").FirstFrame.Should().BeNull("a shot in no sequence starts from nothing");
        Request(sent, "Mei finds a seat by the window").FirstFrame!.StoreName.Should().Be(StoreLayout.ClipLastFrame(keys["s1"]));
        Request(sent, "The ferry leaves the pier").FirstFrame!.StoreName.Should().Be(StoreLayout.ClipLastFrame(keys["s2"]));
        Request(sent, "The ferry leaves the pier").ContinuesFrom.Should().Be(before.ShotDetails.Single(s => s.Id == "s2").Sha256);
        before.ShotDetails.Select(s => s.ContinuesFrom).Should().Equal(null, "s1", "s2", null);

        var second = await StartAsync("ferry-edited", SequenceOrder("Mei finds a seat on the open deck"));
        var secondEnd = await EndedAsync(second);

        secondEnd.Status.Should().Be(WorkflowStatus.Completed, secondEnd.FailureMessage);
        var after = await ReportAsync(second);
        after.ShotDetails.Select(s => s.Source).Should().Equal(ShotSource.Cache, ShotSource.Generated, ShotSource.Generated, ShotSource.Cache);
        World.Takes.SentFor("Mei boards the ferry").Should().Be(1);
        World.Takes.SentFor("Mei finds a seat on the open deck").Should().Be(1);
        World.Takes.SentFor("The ferry leaves the pier").Should().Be(2, "it continues the edited shot, so it is made again");
        World.Takes.SentFor("The harbour lights at night").Should().Be(1);
        Request(World.Takes.Sent, "Mei finds a seat on the open deck").Prompt.Should().Contain("Mei: a courier in an orange rain jacket", "the cast stays in words when the frame comes from the shot before");
        World.Takes.Sent.Last(r => r.ShotText == "The ferry leaves the pier").FirstFrame!.StoreName
            .Should().Be(StoreLayout.ClipLastFrame(after.ShotDetails.Single(s => s.Id == "s2").ContentKey!));
    }

    private static string SequenceOrder(string secondShot) => $"""
        title: Ferry
        resolution: 144p
        fps: 24
        model: takes
        characters:
          - {"{"}id: mei, name: Mei, look: a courier in an orange rain jacket, pictures: [cast/mei.png]{"}"}
        shots:
          - {"{"}id: s1, prompt: Mei boards the ferry, seconds: 2, sequence: crossing, cast: [mei]{"}"}
          - {"{"}id: s2, prompt: {secondShot}, seconds: 2, sequence: crossing, cast: [mei]{"}"}
          - {"{"}id: s3, prompt: The ferry leaves the pier, seconds: 2, sequence: crossing{"}"}
          - {"{"}id: s4, prompt: The harbour lights at night, seconds: 2{"}"}
        """;

    private static int Index(IReadOnlyList<Core.Models.ShotRequest> sent, string shotText) => sent.ToList().FindIndex(r => r.ShotText == shotText);

    private static Core.Models.ShotRequest Request(IReadOnlyList<Core.Models.ShotRequest> sent, string shotText) => sent.Single(r => r.ShotText == shotText);
}
