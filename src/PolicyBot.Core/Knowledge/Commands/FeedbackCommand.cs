using System.Globalization;
using System.Text;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Knowledge.Feedback;

namespace PolicyBot.Core.Knowledge.Commands;

/// <summary><c>feedback [n]</c> (admins): the questions whose answers were rated not helpful, worst first.</summary>
public sealed class FeedbackCommand(IAnswerFeedbackStore feedback, CommandSyntax? syntax = null) : ICommandHandler
{
    private readonly CommandSyntax _syntax = syntax ?? CommandSyntax.Default();

    private const int DefaultCount = 10;
    private const int MaxCount = 50;
    private const int MaxQuestionShown = 200;

    private static readonly CommandArgument Count = new("count", $"How many to show (1-{MaxCount}, default {DefaultCount})", ArgumentKind.Integer, Required: false);

    public CommandDeclaration Definition { get; } = new(
        "feedback", "Show questions whose answers members rated not helpful.", "[count]", CommandAccess.Admin)
    {
        Arguments = [Count],
        Examples = ["", "20"],
    };

    public async Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var count = ReadCount(invocation);
        if (count is not (>= 1 and <= MaxCount))
        {
            return Reply.Error($"Give a count from 1 to {MaxCount}, e.g. `{_syntax.Of(invocation.Conversation.Platform, "feedback", "20")}`.");
        }

        var rated = await feedback.ListUnhelpfulAsync((int)count.Value, cancellationToken).ConfigureAwait(false);
        if (rated.Count == 0)
        {
            return Reply.Private("No answer has been rated not helpful so far.");
        }

        var text = new StringBuilder();
        foreach (var answer in rated)
        {
            var outcome = answer.Declined ? "declined" : $"¶{answer.PrimaryParagraph} of {answer.ArticleSlug}";
            text.Append("• “").Append(Sanitize(answer.Question)).Append("” — ")
                .Append(CultureInfo.InvariantCulture, $"{answer.NotHelpful} not helpful, {answer.Helpful} helpful; {outcome}; ")
                .Append(answer.AskedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
                .AppendLine();
        }

        return Reply.Private(text.ToString().TrimEnd()) with { Title = "Answers rated not helpful" };
    }

    /// <summary>The count asked for: typed (a Discord option) or as text, the default when none is given; null when unreadable.</summary>
    private static long? ReadCount(CommandInvocation invocation)
    {
        if (invocation.Values.TryGetInteger(Count, out var typed))
        {
            return typed;
        }

        var text = invocation.Arguments.Trim();
        return text.Length == 0 ? DefaultCount
            : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
            : null;
    }

    // Members' text is shown to an admin: never let it ping or break the formatting.
    private static string Sanitize(string question)
    {
        var oneLine = string.Join(' ', question.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Replace('`', '\'');
        return MentionGuard.Defuse(oneLine.Length > MaxQuestionShown ? oneLine[..MaxQuestionShown] + "…" : oneLine);
    }
}
