using System.Collections.Immutable;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Tests.Chat;

public sealed class ControlCharactersTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("line one\r\nline two\tTabbed", "line one\nline two\tTabbed")]
    [InlineData("\u001B]0;owned\u0007title\u001B[2J", "]0;ownedtitle[2J")]
    [InlineData("nul\0 del\u007F c1\u0085", "nul del c1")]
    [InlineData("emoji \U0001F600 stays", "emoji \U0001F600 stays")]
    public void Control_characters_are_removed_but_tabs_and_line_feeds_stay(string text, string expected)
    {
        Assert.Equal(expected, ControlCharacters.Strip(text));
    }

    [Fact]
    public void A_lone_surrogate_becomes_a_replacement_character()
    {
        Assert.Equal("lone \uFFFD", ControlCharacters.Strip(new string(['l', 'o', 'n', 'e', ' ', '\uDC00'])));
    }

    [Fact]
    public void Every_text_a_reply_shows_is_stripped()
    {
        var reply = new Reply("t\u0007ext")
        {
            Title = "ti\u001Btle",
            Footer = "foot\0er",
            Citations = [new Citation("a", 1, "quo\u0007te")],
            Actions = ImmutableArray.Create(new ReplyAction("vote:1:1", "la\u001Bbel")),
            Attachments = [new Attachment("f.png", "image/png", new byte[] { 1 }, "desc\u0007")],
        };

        var clean = ControlCharacters.Strip(reply);

        Assert.Equal(("text", "title", "footer", "quote", "label", "desc"),
            (clean.Text, clean.Title, clean.Footer, clean.Citations[0].Quote, clean.Actions[0].Label, clean.Attachments[0].Description));
    }
}
