using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Diagnostics;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Generation;
using PolicyBot.Hosting;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Tests.Generation;

/// <summary>
/// An <see cref="AnswerWriter"/> on the real OpenAI-compatible client pointed at a <see cref="LoopbackModel"/>, a fake
/// clock, its own meter and captured logs, and the cancellation token of the latest model call; and the extractive answer
/// retrieval gives for "What should Washington offer?" on the seed article (¶5 cited, ¶5, ¶6 and ¶4 the candidates).
/// </summary>
public sealed class GenerationHarness : IDisposable
{
    public const string ApiKey = "sk-loopback-secret-4711";

    private readonly MetricRecorder _metrics = new();
    private readonly TokenRecordingChatClient _client;

    public GenerationHarness(LoopbackModel model, bool stream, Action<GenerationOptions>? configure = null)
    {
        Options = new GenerationOptions { Endpoint = model.Endpoint, Model = "loopback-llm", ApiKey = ApiKey, Stream = stream };
        configure?.Invoke(Options);
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        _client = new TokenRecordingChatClient(ModelChatClient.Create(Options));
        Writer = new AnswerWriter(_client, options, new GenerationQuota(Clock, options), Clock, new LoggerFactory([Logs]).CreateLogger<AnswerWriter>(), _metrics.Metrics);
    }

    public static Article Article { get; } = ArticleLibrary.Load(Path.Combine(AppContext.BaseDirectory, "config", "articles")).Articles[0];

    public GenerationOptions Options { get; }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public AnswerWriter Writer { get; }

    public CapturedLogs Logs { get; } = new();

    /// <summary>
    /// The token the writer gave its latest call to the model. The fake clock fires its timers inside
    /// <see cref="FakeTimeProvider.Advance"/>, so this shows at once whether a move of the clock gave the call up.
    /// </summary>
    public CancellationToken ModelCall => _client.LastToken;

    public ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements => _metrics.Measurements;

    /// <summary>What retrieval answers (or, <paramref name="declined"/>, declines) for the question, before the model.</summary>
    public static Answer Extractive(bool declined = false)
    {
        var candidates = ImmutableArray.Create((5, 2.1), (6, 1.4), (4, 0.9));
        var signals = new AnswerSignals(declined ? 0.3 : 0.9, declined ? "answerability 0.30 is below 0.60" : "answered") { Candidates = candidates };
        return declined
            ? AnswerComposer.Decline("What should Washington offer?", [Article], signals)
            : new Answer(
                "What should Washington offer?", false, Article.Positions.Single(p => p.Paragraphs[0] == 5).Summary,
                [new Citation(Article.Slug, 5, "We can start small.")], Article, Article.Positions.Single(p => p.Paragraphs[0] == 5), signals);
    }

    public Task<WrittenAnswer> WriteAsync(Answer? extractive = null, string member = "discord:u1", string question = "What should Washington offer?") =>
        Writer.WriteAsync(new WritingTask(extractive ?? Extractive(), question, null, member), CancellationToken.None);

    public double Sum(string instrument, string? tag = null, object? value = null) => _metrics.Sum(instrument, tag, value);

    public void Dispose() => _metrics.Dispose();
}

/// <summary>Passes every call through to the model client, keeping the cancellation token of the latest one.</summary>
internal sealed class TokenRecordingChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public CancellationToken LastToken { get; private set; }

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        LastToken = cancellationToken;
        return base.GetResponseAsync(messages, options, cancellationToken);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The call's token and the enumerator's, combined: the writer may pass its token either way.
        LastToken = cancellationToken;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }
}

/// <summary>Every log line written, formatted, with its level.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Text)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue((logLevel, formatter(state, exception) + (exception is null ? string.Empty : " " + exception)));
    }
}
