using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Knowledge;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>The articles folder is followed while the bot runs: added, edited, broken and removed files.</summary>
public sealed class ArticleCatalogTests : IDisposable
{
    private static int _writes;
    private readonly ScratchFolder _folder = new();
    private readonly ListLogger _log = new();

    [Fact]
    public async Task While_running_the_folder_is_looked_at_every_reload_interval_and_a_new_article_is_announced()
    {
        var clock = new FakeTimeProvider();
        using var catalog = Catalog(clock);
        var announced = new TaskCompletionSource<ArticleLibrary>(TaskCreationOptions.RunContinuationsAsynchronously);
        catalog.Changed += announced.SetResult;
        await catalog.StartAsync(CancellationToken.None);
        Assert.Empty(catalog.Current.Articles);

        Write("bikes", BikesArticle.Text);
        clock.Advance(new KnowledgeOptions().ReloadInterval);
        var library = await announced.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["bikes"], library.Articles.Select(a => a.Slug));
        Assert.Same(library, catalog.Current);
        Assert.Same(library.Articles[0], library.Default);
        await catalog.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void An_edited_article_is_reloaded_and_a_removed_one_leaves()
    {
        Write("bikes", BikesArticle.Text);
        Write("other", BikesArticle.Text.Replace("Why the city should fund bike lanes", "Another", StringComparison.Ordinal));
        using var catalog = Catalog(new FakeTimeProvider());
        Assert.Equal(2, catalog.Current.Articles.Length);

        Write("bikes", BikesArticle.Text.Replace("Why the city should fund bike lanes", "Edited title", StringComparison.Ordinal));
        File.Delete(_folder.Combine("other.md"));

        Assert.True(catalog.Refresh());
        Assert.Equal("Edited title", catalog.Current.Articles.Single().Title);
    }

    [Fact]
    public void A_malformed_file_is_logged_with_its_name_and_line_and_the_others_keep_working()
    {
        Write("bikes", BikesArticle.Text);
        using var catalog = Catalog(new FakeTimeProvider());
        var good = catalog.Current.Articles.Single();

        Write("broken", "---\ntitle: [unclosed\n---\n\nA paragraph.\n");
        Write("bikes", "no front matter here\n");
        catalog.Refresh();

        Assert.Same(good, catalog.Current.Articles.Single()); // the edited article keeps its last good version
        Assert.Contains(_log.Warnings, w => w.Contains("broken.md, line 2", StringComparison.Ordinal) && w.Contains("not loaded", StringComparison.Ordinal));
        Assert.Contains(_log.Warnings, w => w.Contains("bikes.md, line 1", StringComparison.Ordinal) && w.Contains("last good version", StringComparison.Ordinal));

        var warnings = _log.Warnings.Count;
        Assert.False(catalog.Refresh());
        Assert.Equal(warnings, _log.Warnings.Count); // the same broken file is reported once, not every few seconds

        Write("broken", BikesArticle.Text);
        Assert.True(catalog.Refresh());
        Assert.Equal(["bikes", "broken"], catalog.Current.Articles.Select(a => a.Slug));
    }

    [Fact]
    public void Nothing_is_published_when_no_file_changed_and_a_missing_folder_stops_the_start()
    {
        Write("bikes", BikesArticle.Text);
        using var catalog = Catalog(new FakeTimeProvider());
        var before = catalog.Current;

        Assert.False(catalog.Refresh());
        Assert.Same(before, catalog.Current);
        var error = Assert.Throws<ArticleFormatException>(() => new ArticleCatalog(
            Options.Create(new KnowledgeOptions { ArticlesPath = _folder.Combine("missing") }), new FakeTimeProvider(), _log));
        Assert.Contains("Knowledge:ArticlesPath", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private ArticleCatalog Catalog(TimeProvider clock) =>
        new(Options.Create(new KnowledgeOptions { ArticlesPath = _folder.Path }), clock, _log);

    private void Write(string slug, string text)
    {
        var path = _folder.Combine(slug + ".md");
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(Interlocked.Increment(ref _writes))); // distinct stamps however fast the test runs
    }

    private sealed class ListLogger : ILogger<ArticleCatalog>
    {
        private readonly List<string> _warnings = [];

        public IReadOnlyList<string> Warnings
        {
            get
            {
                lock (_warnings)
                {
                    return [.. _warnings];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning)
            {
                lock (_warnings)
                {
                    _warnings.Add(formatter(state, exception));
                }
            }
        }
    }
}
