namespace PolicyBot.Tests.ConsoleAdapter;

/// <summary>Whole conversations through the real host: the features as a newcomer meets them on the console.</summary>
[Collection(HostCollection.Name)]
public sealed class FeatureConversationTests : IDisposable
{
    private readonly ConsoleSession _session = new();

    [Fact]
    public async Task A_poll_with_several_voters_tallies_their_last_ballots_and_closes_with_a_chart()
    {
        var output = await _session.RunAsync("""
            !poll Which concession first? | lift sanctions | cancel drills | nuclear freeze
            alice> !vote 1 1
            bob> !vote 1 cancel
            bob> !vote 1 3
            carol> !vote 1 1
            carol> !vote 1 1
            alice> !close 1
            !close 1
            dave> !vote 1 2
            """);

        var final = output[output.IndexOf("Final results of poll #1", StringComparison.Ordinal)..];
        Assert.Contains("Only the person who started poll #1 or an admin can close it.", output, StringComparison.Ordinal);
        Assert.Contains("**3** voters", final, StringComparison.Ordinal);
        Assert.Matches(@"lift sanctions\s*\n`[█░]+` 2 ", final);
        Assert.Matches(@"cancel drills\s*\n`[█░]+` 0 ", final);
        Assert.Matches(@"nuclear freeze\s*\n`[█░]+` 1 ", final);
        Assert.Contains("poll-1-results.png", final, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_session.Folder, "attachments", "poll-1-results.png")));
        Assert.Contains("closed", output[output.LastIndexOf("#1", StringComparison.Ordinal)..], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ask_answers_with_a_verbatim_quote_and_declines_what_the_article_does_not_cover()
    {
        var output = await _session.RunAsync("""
            !ask Does the author think the deadline is meaningful?
            !ask How do I cook rice?
            !ask
            """);

        Assert.Contains("this deadline is meaningless", output, StringComparison.Ordinal);
        Assert.Contains("(¶8)", output, StringComparison.Ordinal);
        Assert.Contains("Bonnie Kristian", output, StringComparison.Ordinal);
        Assert.Contains("The article doesn't address that. It covers:", output, StringComparison.Ordinal);
        Assert.Contains("Usage", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Reminders_are_confirmed_listed_and_bad_times_get_examples()
    {
        var output = await _session.RunAsync("""
            !remind in 2 days reread the op-ed @everyone
            !reminders
            !remind yesterday at noon something
            !timezone Europe/Berln
            !deadline
            """);

        Assert.Contains("reread the op-ed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", output, StringComparison.Ordinal);
        Assert.Contains("For example", output, StringComparison.Ordinal);
        Assert.Contains("Did you mean `Europe/Berlin`?", output, StringComparison.Ordinal);
        Assert.Contains("Pyongyang's year-end deadline passed", output, StringComparison.Ordinal);
    }

    public void Dispose() => _session.Dispose();
}
