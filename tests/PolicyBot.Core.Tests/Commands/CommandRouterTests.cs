using PolicyBot.Core.Chat;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Footprint;

namespace PolicyBot.Core.Tests.Commands;

public sealed class CommandRouterTests
{
    [Fact]
    public async Task A_known_command_runs_its_handler_and_returns_its_reply()
    {
        var echo = new EchoCommand();
        var router = TestRouter.Create([echo]);

        var outcome = await router.DispatchAsync(TestRouter.Invocation("echo", "hi"), CancellationToken.None);

        Assert.Equal(CommandOutcomeKind.Handled, outcome.Kind);
        Assert.Equal("echo: hi", outcome.Reply!.Text);
        Assert.Equal(1, echo.Calls);
    }

    [Fact]
    public async Task A_handled_command_counts_as_work_for_the_quiet_memory_release()
    {
        var clock = new FakeTimeProvider();
        var releases = 0;
        using var release = new QuietMemoryRelease(clock, release: () => releases++);
        var router = TestRouter.Create([new EchoCommand()], memoryRelease: release);

        await router.DispatchAsync(TestRouter.Invocation("echo", "hi"), CancellationToken.None);
        clock.Advance(QuietMemoryRelease.DefaultQuiet);

        Assert.Equal(1, releases);
    }

    [Fact]
    public async Task Control_characters_never_reach_a_handler()
    {
        var echo = new EchoCommand();
        var router = TestRouter.Create([echo]);
        var invocation = TestRouter.Invocation("echo", "ring\u0007 \u001B[2Jclear\0") with { Sender = new Sender("u1", "Ev\u001Be") };

        var outcome = await router.DispatchAsync(invocation, CancellationToken.None);

        Assert.Equal("echo: ring [2Jclear", outcome.Reply!.Text);
        Assert.Equal("Eve", echo.LastInvocation!.Sender.DisplayName);
    }

    [Fact]
    public async Task The_same_delivery_is_handled_once()
    {
        var echo = new EchoCommand();
        var router = TestRouter.Create([echo]);

        var first = await router.DispatchAsync(TestRouter.Invocation("echo", "x", deliveryId: "evt-7"), CancellationToken.None);
        var repeat = await router.DispatchAsync(TestRouter.Invocation("echo", "x", deliveryId: "evt-7"), CancellationToken.None);

        Assert.Equal(CommandOutcomeKind.Handled, first.Kind);
        Assert.Equal(CommandOutcomeKind.Duplicate, repeat.Kind);
        Assert.Null(repeat.Reply);
        Assert.Equal(1, echo.Calls);
    }

    [Fact]
    public async Task An_unknown_command_gets_a_did_you_mean_hint()
    {
        var router = TestRouter.Create([new EchoCommand("poll"), new EchoCommand("polls"), new EchoCommand("remind")]);

        var outcome = await router.DispatchAsync(TestRouter.Invocation("plol"), CancellationToken.None);

        Assert.Equal(CommandOutcomeKind.Unknown, outcome.Kind);
        Assert.Contains("Did you mean `!poll`", outcome.Reply!.Text, StringComparison.Ordinal);
        Assert.Contains("!help", outcome.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_slack_the_hint_is_written_as_slack_members_type_commands()
    {
        var router = TestRouter.Create([new EchoCommand("poll"), new EchoCommand("polls"), new EchoCommand("remind")]);
        var invocation = TestRouter.Invocation("plol") with { Conversation = new ConversationRef(Platforms.Slack, "C1") };

        var outcome = await router.DispatchAsync(invocation, CancellationToken.None);

        Assert.Contains("Did you mean `/policy poll`", outcome.Reply!.Text, StringComparison.Ordinal);
        Assert.Contains("Type `/policy help`", outcome.Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("!", outcome.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_commands_are_refused_to_members_and_run_for_admins()
    {
        var adminOnly = new EchoCommand("feedback", CommandAccess.Admin);
        var router = TestRouter.Create([adminOnly]);

        var member = await router.DispatchAsync(TestRouter.Invocation("feedback", admin: false), CancellationToken.None);
        var admin = await router.DispatchAsync(TestRouter.Invocation("feedback", admin: true), CancellationToken.None);

        Assert.Equal(CommandOutcomeKind.Refused, member.Kind);
        Assert.Contains("Only admins", member.Reply!.Text, StringComparison.Ordinal);
        Assert.Equal(CommandOutcomeKind.Handled, admin.Kind);
        Assert.Equal(1, adminOnly.Calls);
    }

    [Fact]
    public async Task A_failing_handler_becomes_a_polite_error_without_internal_details()
    {
        var router = TestRouter.Create([new ThrowingCommand()]);

        var outcome = await router.DispatchAsync(TestRouter.Invocation("boom"), CancellationToken.None);

        Assert.Equal(CommandOutcomeKind.Failed, outcome.Kind);
        Assert.True(outcome.Reply!.IsError);
        Assert.DoesNotContain("secret internal detail", outcome.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_over_long_message_is_refused_politely_before_parsing()
    {
        var echo = new EchoCommand();
        var router = TestRouter.Create([echo]);
        var huge = "!echo " + new string('a', 100 * 1024);

        var invocation = router.ParseMessage(huge, new Sender("u", "u"), TestRouter.Channel, "d-long");
        var outcome = await router.DispatchAsync(invocation!, CancellationToken.None);

        Assert.Equal(CommandOutcomeKind.InvalidInput, outcome.Kind);
        Assert.Contains("at most 4,000", outcome.Reply!.Text, StringComparison.Ordinal);
        Assert.Equal(0, echo.Calls);
    }

    [Fact]
    public void Messages_without_the_prefix_are_not_commands()
    {
        var router = TestRouter.Create([new EchoCommand()]);

        Assert.Null(router.ParseMessage("just chatting", new Sender("u", "u"), TestRouter.Channel, "d"));
        Assert.Null(router.ParseMessage("!", new Sender("u", "u"), TestRouter.Channel, "d"));
        var parsed = router.ParseMessage("  !ECHO   hello  world ", new Sender("u", "u"), TestRouter.Channel, "d");
        Assert.Equal("echo", parsed!.Name);
        Assert.Equal("hello  world", parsed.Arguments);
    }

    [Fact]
    public void The_prefix_is_configurable()
    {
        var router = TestRouter.Create([new EchoCommand()], new CommandOptions { Prefix = "?" });

        Assert.Null(router.ParseMessage("!echo hi", new Sender("u", "u"), TestRouter.Channel, "d"));
        Assert.Equal("echo", router.ParseMessage("?echo hi", new Sender("u", "u"), TestRouter.Channel, "d")!.Name);
    }
}
