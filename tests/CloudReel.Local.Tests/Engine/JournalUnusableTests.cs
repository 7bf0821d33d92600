using CloudReel.Local.Engine;
using Microsoft.Data.Sqlite;

namespace CloudReel.Local.Tests.Engine;

/// <summary>SQLite's failures that mean the journal itself cannot be used are told as such: damaged, disk full, not writable.</summary>
public sealed class JournalUnusableTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("journal-unusable").FullName;

    [Fact]
    public async Task Open_FileThatIsNotADatabase_SaysTheJournalIsDamagedAndHowToMoveItAside()
    {
        var journal = Path.Combine(_folder, "journal.db");
        await File.WriteAllTextAsync(journal, "plain text, not SQLite");

        var open = () => LocalWorkflowEngine.OpenAsync(new LocalEngineOptions { JournalPath = journal }, new Microsoft.DurableTask.DurableTaskRegistry());

        var refused = (await open.Should().ThrowAsync<JournalUnusableException>()).Which;
        refused.Message.Should().Contain($"The journal {journal} is damaged").And.Contain($"mv {journal} {journal}.damaged");
    }

    [Theory]
    [InlineData(13, "is full", "cloudreel resume")]
    [InlineData(11, "is damaged", ".damaged")]
    [InlineData(8, "cannot be opened for writing", "permissions")]
    public void From_SqliteConditionsOfTheJournalItself_ToldForPeople(int code, string what, string advice)
    {
        var told = JournalUnusableException.From(new SqliteException("SQLite Error", code), "/home/x/journal.db");

        told.Should().NotBeNull();
        told!.Message.Should().Contain("/home/x/journal.db").And.Contain(what).And.Contain(advice);
    }

    [Fact]
    public void From_OtherSqliteErrors_LeftAsTheyAre() =>
        JournalUnusableException.From(new SqliteException("constraint failed", 19), "/home/x/journal.db").Should().BeNull();

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
