using System.Collections.Immutable;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PolicyBot.Core.Knowledge;

/// <summary>
/// The articles the bot can answer about, kept in step with the articles folder without a restart: every
/// <see cref="KnowledgeOptions.ReloadInterval"/> it looks at the files' sizes and times, re-reads what changed and
/// publishes a new <see cref="ArticleLibrary"/>. A malformed file is logged with its name and line and skipped; an
/// article that was loaded before keeps its last good version until the file is fixed. Polling, not file-system
/// events: those are lost on network shares and container volumes.
/// </summary>
public sealed partial class ArticleCatalog : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private readonly string _folder;
    private readonly KnowledgeOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<ArticleCatalog> _logger;
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, Entry> _entries = ImmutableDictionary<string, Entry>.Empty.WithComparers(StringComparer.Ordinal);
    private ArticleLibrary _current = ArticleLibrary.Empty;

    public ArticleCatalog(IOptions<KnowledgeOptions> options, TimeProvider clock, ILogger<ArticleCatalog> logger)
    {
        _options = options.Value;
        _folder = _options.ResolveArticlesPath();
        _clock = clock;
        _logger = logger;
        if (!Directory.Exists(_folder))
        {
            throw new ArticleFormatException($"The articles folder '{_folder}' does not exist (Knowledge:ArticlesPath).");
        }

        Refresh();
    }

    /// <summary>The articles loaded now.</summary>
    public ArticleLibrary Current => Volatile.Read(ref _current);

    public string Folder => _folder;

    /// <summary>Raised after <see cref="Current"/> changed, with the new library.</summary>
    public event Action<ArticleLibrary>? Changed;

    /// <summary>Looks at the folder once; true when the library changed.</summary>
    public bool Refresh()
    {
        lock (_gate)
        {
            var slugs = ArticleFolder.Slugs(_folder).ToArray();
            var entries = _entries;
            var changed = false;
            foreach (var gone in entries.Keys.Except(slugs).ToArray())
            {
                entries = entries.Remove(gone);
                LogRemoved(gone);
                changed = true;
            }

            foreach (var slug in slugs)
            {
                var stamp = Stamp(slug);
                if (entries.TryGetValue(slug, out var known) && known.Stamp == stamp)
                {
                    continue;
                }

                try
                {
                    var article = ArticleFolder.Read(_folder, slug);
                    entries = entries.SetItem(slug, new Entry(stamp, article));
                    LogLoaded(slug, article.ParagraphCount, known is null ? "added" : "updated");
                    changed = true;
                }
                catch (Exception ex) when (ex is ArticleFormatException or IOException or UnauthorizedAccessException)
                {
                    // Remember the stamp so the same broken file is not reported every few seconds.
                    entries = entries.SetItem(slug, new Entry(stamp, known?.Article));
                    LogSkipped(ex.Message, known?.Article is null ? "it is not loaded" : "its last good version stays loaded");
                    changed |= known is null;
                }
            }

            _entries = entries;
            if (!changed)
            {
                return false;
            }

            var library = new ArticleLibrary(entries.Values.Select(e => e.Article).OfType<Article>(), _options.DefaultArticle);
            Volatile.Write(ref _current, library);
            if (library.Articles.IsEmpty)
            {
                LogEmpty(_folder);
            }
            else if (!string.IsNullOrWhiteSpace(_options.DefaultArticle) && !library.TryGet(_options.DefaultArticle, out _))
            {
                LogNoDefault(_options.DefaultArticle);
            }

            Changed?.Invoke(library);
            return true;
        }
    }

    /// <summary>Starts looking at the folder every <see cref="KnowledgeOptions.ReloadInterval"/> (the first wait begins now).</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.ReloadInterval > TimeSpan.Zero)
        {
            _loop = FollowAsync(_stopping.Token);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task FollowAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.ReloadInterval, _clock, stoppingToken).ConfigureAwait(false);
                Refresh();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogUnreadable(ex, _folder); // The folder is briefly unreadable (remounted): try again next time.
            }
        }
    }

    private string Stamp(string slug) => string.Join(
        '|',
        ArticleFolder.FilesOf(_folder, slug).Select(path => new FileInfo(path)).Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));

    private sealed record Entry(string Stamp, Article? Article);

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {Slug} {Change} ({Paragraphs} paragraphs)")]
    private partial void LogLoaded(string slug, int paragraphs, string change);

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {Slug} removed")]
    private partial void LogRemoved(string slug);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped a malformed article file: {Problem}; {Consequence}")]
    private partial void LogSkipped(string problem, string consequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No articles are loaded; add <slug>.md files to {Folder}")]
    private partial void LogEmpty(string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge:DefaultArticle is {Slug}, but no such article is loaded; commands use the only article, or ask which")]
    private partial void LogNoDefault(string slug);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the articles folder {Folder}; trying again")]
    private partial void LogUnreadable(Exception exception, string folder);
}
