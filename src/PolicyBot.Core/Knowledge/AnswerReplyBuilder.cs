using System.Text;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Knowledge;

/// <summary>Turns an <see cref="Answer"/> into a chat <see cref="Reply"/>: text, citations, attribution footer, rating buttons.</summary>
public static class AnswerReplyBuilder
{
    public const string RateCommand = "rate";
    public const string Up = "up";
    public const string Down = "down";

    /// <param name="answerId">When set, the reply carries helpful / not helpful buttons for this stored answer.</param>
    public static Reply Build(Answer answer, string? answerId)
    {
        var text = new StringBuilder();
        if (answer.ReadAs is { } readAs)
        {
            text.Append('_').Append(readAs).Append('_').AppendLine();
        }

        text.Append(answer.Summary);
        foreach (var citation in answer.Citations)
        {
            text.AppendLine().Append("> “").Append(citation.Quote).Append("” (¶").Append(citation.Paragraph).Append(')');
        }

        var reply = new Reply(text.ToString())
        {
            Citations = answer.Citations,
            Footer = answer.Attribution,
        };
        return answerId is null ? reply : reply with
        {
            Actions =
            [
                new(ActionId.Create(RateCommand, answerId, Up), "Helpful", Chat.ActionStyle.Success),
                new(ActionId.Create(RateCommand, answerId, Down), "Not helpful", Chat.ActionStyle.Danger),
            ],
        };
    }
}
