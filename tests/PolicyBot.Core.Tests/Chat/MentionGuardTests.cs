using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Tests.Chat;

public sealed class MentionGuardTests
{
    [Theory]
    [InlineData("hello @everyone", "@everyone")]
    [InlineData("ping @HERE now", "@HERE")]
    [InlineData("role <@&123456> go", "<@&123456>")]
    public void Mass_and_role_mentions_are_defused(string text, string mention)
    {
        var defused = MentionGuard.Defuse(text);

        Assert.DoesNotContain(mention, defused, StringComparison.Ordinal);
        Assert.Equal(text.Length + 1, defused.Length);
    }

    [Fact]
    public void Plain_text_replies_are_defused_unless_a_feature_allows_everyone()
    {
        var reply = new Reply("Vote now @everyone");

        Assert.DoesNotContain("@everyone", PlainTextReplyFormatter.Format(reply), StringComparison.Ordinal);
        Assert.Contains("@everyone", PlainTextReplyFormatter.Format(reply with { Mentions = MentionPolicy.Everyone }), StringComparison.Ordinal);
    }

    [Fact]
    public void Action_ids_round_trip_to_a_command_and_arguments()
    {
        var id = ActionId.Create("vote", 12, 3);

        Assert.Equal("vote:12:3", id);
        Assert.True(ActionId.TryParse(id, out var command, out var arguments));
        Assert.Equal("vote", command);
        Assert.Equal("12 3", arguments);
    }
}
