using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Slack.WebApi;

namespace PolicyBot.Slack.Tests;

public sealed class SlackTranslatorTests
{
    private readonly SlackBotIdentity _identity = new();
    private readonly SlackTranslator _translator;

    public SlackTranslatorTests() =>
        _translator = new SlackTranslator(Options.Create(new SlackOptions { AdminUserIds = ["UADMIN"] }), _identity);

    private static SlashCommandRequest Slash(string text, string command = "/policy", string user = "U1") =>
        new(command, text, user, "ada", "C1", "trig-1", "https://hooks.slack.com/commands/x");

    [Theory]
    [InlineData("", "help", "")]
    [InlineData("help", "help", "")]
    [InlineData("help poll", "help", "poll")]
    [InlineData("Poll Best? | a | b", "poll", "Best? | a | b")]
    [InlineData("  ask   what &amp; why &lt;really&gt;?  ", "ask", "what & why <really>?")]
    public void The_first_word_of_the_policy_command_is_the_command(string text, string name, string arguments)
    {
        var invocation = _translator.FromSlashCommand(Slash(text));
        Assert.Equal(name, invocation.Name);
        Assert.Equal(arguments, invocation.Arguments);
        Assert.Equal(InvocationSource.SlashCommand, invocation.Source);
        Assert.Equal(new ConversationRef(Platforms.Slack, "C1"), invocation.Conversation);
        Assert.Equal("slack:trig-1", invocation.DeliveryId);
    }

    [Fact]
    public void A_per_feature_slash_command_is_its_own_name() =>
        Assert.Equal(("ask", "why?"), (_translator.FromSlashCommand(Slash("why?", "/ask")).Name, _translator.FromSlashCommand(Slash("why?", "/ask")).Arguments));

    [Theory]
    [InlineData("UADMIN", true)]
    [InlineData("U1", false)]
    public void Admins_come_from_configuration(string user, bool isAdmin) =>
        Assert.Equal(isAdmin, _translator.FromSlashCommand(Slash("help", user: user)).Sender.IsAdmin);

    [Fact]
    public void A_click_runs_the_command_in_its_action_id_on_the_message_it_came_from()
    {
        var request = new BlockActionsRequest("U2", "bob", "C9", "1700000000.000100", null, null, "trig", [new ClickedAction("vote:12:3", "1700000001.5")]);
        var invocation = _translator.FromAction(request, request.Actions[0])!;

        Assert.Equal(("vote", "12 3"), (invocation.Name, invocation.Arguments));
        Assert.Equal(InvocationSource.Button, invocation.Source);
        Assert.Equal(new MessageRef(new ConversationRef(Platforms.Slack, "C9"), "1700000000.000100"), invocation.SourceMessage);
        Assert.Equal("slack:action:U2:1700000001.5:vote:12:3", invocation.DeliveryId);
    }

    [Theory]
    [InlineData("<@UBOT> what is the plan?", "ask", "what is the plan?")]
    [InlineData("<@UBOT|policybot>   what &amp; why", "ask", "what & why")]
    [InlineData("hey <@UBOT> what is it", "ask", "hey  what is it")]
    [InlineData("<@UBOT>", "help", "")]
    public void A_mention_is_a_question_without_the_bots_mention(string text, string name, string arguments)
    {
        _identity.Set(new SlackIdentity("T1", "UBOT", "B1"));
        var invocation = _translator.FromMention(new MentionEvent("Ev1", "U1", "C1", text, "1700.1", null));
        Assert.Equal((name, arguments), (invocation.Name, invocation.Arguments));
        Assert.Equal("slack:Ev1", invocation.DeliveryId);
        Assert.Equal(new ConversationRef(Platforms.Slack, "C1", "1700.1"), invocation.Conversation);
    }
}
