using System.Collections.Immutable;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Diagnostics;
using PolicyBot.Core.Knowledge.Conversations;

namespace PolicyBot.Core.Knowledge.Generation;

/// <summary>What to phrase: the extractive answer, the question as read, its context, and who asked (for the caps).</summary>
public sealed record WritingTask(Answer Extractive, string Question, Exchange? Earlier, string Member);

/// <summary>The answer that goes out, and what the model had to do with it.</summary>
public sealed record WrittenAnswer(Answer Answer, GenerationOutcome Outcome);

/// <summary>
/// Phrases an answer with a language model on top of retrieval: the model sees only the candidate paragraphs retrieval
/// chose (and the earlier answer's), numbered as in the article, and answers in a fixed JSON shape. The bot then holds
/// the reply to it: every cited paragraph must be one it was given, a quotation in the text must be in those paragraphs,
/// and the quotes shown are cut by the bot from the cited paragraphs. Anything else (a bad citation, none, malformed
/// output, a timeout, an error, a 429, a reached cap) sends the extractive answer at once, and is logged and counted;
/// the member is told nothing of it. A declined question stays declined unless the model cites given paragraphs.
/// </summary>
public sealed partial class AnswerWriter(
    IChatClient client,
    IOptions<GenerationOptions> options,
    GenerationQuota quota,
    TimeProvider clock,
    ILogger<AnswerWriter> logger,
    BotMetrics? metrics = null)
{
    private const int MaxQuotes = 2;
    private const int MaxOutputTokens = 400;

    public async Task<WrittenAnswer> WriteAsync(WritingTask task, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var extractive = task.Extractive;
        if (extractive.Article is not { } article || Candidates(task, settings.MaxParagraphs) is not { IsEmpty: false } given)
        {
            return new WrittenAnswer(extractive, GenerationOutcome.Skipped);
        }

        if (!quota.TryTake(task.Member))
        {
            return Fallback(extractive, GenerationFallback.OverCap, TimeSpan.Zero);
        }

        var started = clock.GetTimestamp();
        ChatResponse response;
        using (var timeout = new CancellationTokenSource(settings.Timeout, clock))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            try
            {
                response = await AskAsync(GenerationPrompt.Messages(article, given, task.Question, task.Earlier), settings, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return Fallback(extractive, GenerationFallback.Timeout, clock.GetElapsedTime(started));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var reason = ex is HttpRequestException { StatusCode: HttpStatusCode.TooManyRequests } ? GenerationFallback.RateLimited : GenerationFallback.Error;
                LogModelFailed(ex.GetType().Name, ex is HttpRequestException { StatusCode: { } status } ? (int)status : 0);
                return Fallback(extractive, reason, clock.GetElapsedTime(started));
            }
        }

        var elapsed = clock.GetElapsedTime(started);
        metrics?.GenerationTokens(response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount);
        var (answer, fallback) = Judge(extractive, article, given, task.Question, ModelReply.TryParse(response.Text), settings.MaxAnswerLength);
        return fallback == GenerationFallback.None
            ? Written(answer, elapsed)
            : Fallback(extractive, fallback, elapsed);
    }

    /// <summary>The checks on the model's reply; the written answer, or the reason it cannot be used.</summary>
    public static (Answer Answer, GenerationFallback Fallback) Judge(
        Answer extractive, Article article, ImmutableArray<int> given, string question, ModelReply? reply, int maxAnswerLength)
    {
        if (reply is null)
        {
            return (extractive, GenerationFallback.Malformed);
        }

        if (!reply.Covered)
        {
            return (extractive, GenerationFallback.NotCovered);
        }

        if (reply.Paragraphs.IsEmpty)
        {
            return (extractive, GenerationFallback.NoCitation);
        }

        if (reply.Paragraphs.Any(p => !given.Contains(p)))
        {
            return (extractive, GenerationFallback.BadCitation);
        }

        if (GroundedText.QuotesBeyond(reply.Answer, given.Select(article.Paragraph)))
        {
            return (extractive, GenerationFallback.InventedQuote);
        }

        var citations = reply.Paragraphs.Take(MaxQuotes)
            .Select(p => extractive.Citations.FirstOrDefault(c => c.ArticleSlug == article.Slug && c.Paragraph == p)
                         ?? new Citation(article.Slug, p, GroundedText.QuoteFor(article.Paragraph(p), reply.Answer + " " + question)))
            .Where(c => article.Paragraph(c.Paragraph).Contains(c.Quote, StringComparison.Ordinal))
            .ToImmutableArray();
        if (citations.IsEmpty)
        {
            return (extractive, GenerationFallback.BadCitation);
        }

        var first = citations[0].Paragraph;
        var position = extractive.Position is { } held && extractive.Citations.FirstOrDefault()?.Paragraph == first
            ? held
            : article.Positions.FirstOrDefault(p => p.Paragraphs.FirstOrDefault() == first);
        var signals = extractive.Signals with { Reason = $"written by the model from ¶{string.Join(", ¶", reply.Paragraphs)}" };
        return (extractive with
        {
            Declined = false,
            Summary = GroundedText.Safe(reply.Answer, maxAnswerLength),
            Citations = citations,
            Position = position,
            Signals = signals,
        }, GenerationFallback.None);
    }

    // What the model may read: the paragraphs the extractive answer cited, retrieval's best candidates, and the earlier
    // answer's paragraphs (a follow-up's context), in that order of precedence, shown in article order.
    private static ImmutableArray<int> Candidates(WritingTask task, int max)
    {
        var article = task.Extractive.Article!;
        var earlier = task.Earlier?.Citations.Where(c => c.ArticleSlug == article.Slug).Select(c => c.Paragraph) ?? [];
        return [.. task.Extractive.Citations.Where(c => c.ArticleSlug == article.Slug).Select(c => c.Paragraph)
            .Concat(task.Extractive.Signals.Candidates.Select(c => c.Paragraph))
            .Concat(earlier)
            .Where(article.HasParagraph)
            .Distinct()
            .Take(max)
            .Order()];
    }

    private async Task<ChatResponse> AskAsync(IList<ChatMessage> messages, GenerationOptions settings, CancellationToken cancellationToken)
    {
        var chat = new ChatOptions
        {
            ModelId = settings.Model,
            Temperature = 0.2f,
            MaxOutputTokens = MaxOutputTokens,
            ResponseFormat = ChatResponseFormat.Json,
        };
        if (!settings.Stream)
        {
            return await client.GetResponseAsync(messages, chat, cancellationToken).ConfigureAwait(false);
        }

        return await client.GetStreamingResponseAsync(messages, chat, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false);
    }

    private WrittenAnswer Written(Answer answer, TimeSpan elapsed)
    {
        metrics?.GenerationRequested(GenerationOutcome.Name(GenerationFallback.None), elapsed);
        return new WrittenAnswer(answer, GenerationOutcome.Written);
    }

    private WrittenAnswer Fallback(Answer extractive, GenerationFallback reason, TimeSpan elapsed)
    {
        var name = GenerationOutcome.Name(reason);
        if (reason != GenerationFallback.OverCap)
        {
            metrics?.GenerationRequested(name, elapsed);
        }

        metrics?.GenerationFellBack(name);
        LogFallback(name, (long)elapsed.TotalMilliseconds);
        return new WrittenAnswer(extractive, new GenerationOutcome(reason != GenerationFallback.OverCap, reason));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model's answer was not used ({Reason}, after {Milliseconds} ms); the extractive answer went out")]
    private partial void LogFallback(string reason, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model endpoint failed: {ExceptionType} (HTTP {Status})")]
    private partial void LogModelFailed(string exceptionType, int status);
}
