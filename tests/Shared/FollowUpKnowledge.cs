using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Commands;
using PolicyBot.Core.Knowledge.Conversations;
using PolicyBot.Core.Knowledge.Feedback;

namespace PolicyBot.Tests.Shared;

/// <summary>
/// The real <c>ask</c> command and follow-up memory over a small article, with retrieval faked at its seam: every
/// question is answered from ¶2, a critic's view, and a question containing "slow" waits for <see cref="Release"/>.
/// Adapter tests use it to prove that what the platform says (a reply, a thread) reaches the follow-up logic.
/// </summary>
public sealed class FollowUpKnowledge : IAnswerer, IAnswerFeedbackStore, IPostedMessageSink
{
    public static readonly Article Article = new(
        "talks", "Talks Ahead", "Ada Author", "The Outlet", null, [],
        ["The talks resume in December.", "Critics say the deadline is empty. They expect nothing to change.", "The author wants modest goals."],
        [new Position("critics", "The deadline is empty", "Jane Critic", [2], "Critics call the deadline empty.")]);

    private readonly System.Threading.Channels.Channel<MessageRef> _posted = System.Threading.Channels.Channel.CreateUnbounded<MessageRef>();

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What retrieval was asked, in order: a follow-up answered from its context asks nothing.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Questions { get; } = new();

    /// <summary>Registers <c>ask</c> and what it needs; follow-ups only by reply or thread when <paramref name="windowOff"/>.</summary>
    public static FollowUpKnowledge Register(IServiceCollection services, bool windowOff = true)
    {
        var knowledge = new FollowUpKnowledge();
        services.AddSingleton(knowledge);
        services.AddSingleton<IAnswerer>(knowledge);
        services.AddSingleton<IAnswerFeedbackStore>(knowledge);
        services.AddSingleton<IArticleSource>(new FixedArticles(new ArticleLibrary([Article])));
        services.AddSingleton(Options.Create(new KnowledgeOptions()));
        services.AddSingleton(Options.Create(new FollowUpOptions { Window = windowOff ? TimeSpan.Zero : TimeSpan.FromMinutes(5) }));
        services.AddSingleton<ConversationMemory>();
        services.AddSingleton<IPostedMessageSink>(sp => sp.GetRequiredService<ConversationMemory>());
        services.AddSingleton<IPostedMessageSink>(knowledge); // after the memory: when it hears of an answer, so has the memory
        services.AddSingleton(sp => new ConversationalAnswerer(
            sp.GetRequiredService<IAnswerer>(), sp.GetRequiredService<IArticleSource>(), sp.GetRequiredService<ConversationMemory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddCommand<AskCommand>();
        return knowledge;
    }

    public async Task<Answer> AnswerAsync(string question, string? articleSlug, CancellationToken cancellationToken)
    {
        Questions.Enqueue(question);
        if (question.Contains("slow", StringComparison.OrdinalIgnoreCase))
        {
            await Release.Task.WaitAsync(cancellationToken);
        }

        return new Answer(question, false, "Critics call the deadline empty.", [new Citation(Article.Slug, 2, "Critics say the deadline is empty.")], Article, Article.Positions[0], new AnswerSignals(0.9, "answered"));
    }

    /// <summary>Where the next answer was posted, once the adapter reported it (and the memory knows it).</summary>
    public async Task<MessageRef> NextAnswerPostedAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _posted.Reader.ReadAsync(timeout.Token);
    }

    public Task RecordAsync(string trackingKey, MessageRef message, CancellationToken cancellationToken)
    {
        if (trackingKey.StartsWith(ConversationMemory.KeyPrefix, StringComparison.Ordinal))
        {
            _posted.Writer.TryWrite(message);
        }

        return Task.CompletedTask;
    }

    public Task RecordAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> RecordVoteAsync(string answerId, string userId, bool helpful, DateTimeOffset votedAt, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<IReadOnlyList<RatedAnswer>> ListUnhelpfulAsync(int limit, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<RatedAnswer>>([]);
}
