using Microsoft.Extensions.Options;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Tests.Commands;

public sealed class RateLimitFilterTests
{
    [Fact]
    public async Task A_user_over_the_burst_is_told_to_slow_down_and_others_are_unaffected()
    {
        var echo = new EchoCommand();
        var options = new CommandOptions { RateLimitBurst = 3, RateLimitPeriod = TimeSpan.FromHours(1), RateLimitExemptPlatforms = [] };
        var router = TestRouter.Create([echo], options);

        var burst = new List<CommandOutcome>();
        for (var i = 0; i < 6; i++)
        {
            burst.Add(await router.DispatchAsync(TestRouter.Invocation("echo", user: "fast"), CancellationToken.None));
        }

        var other = await router.DispatchAsync(TestRouter.Invocation("echo", user: "calm"), CancellationToken.None);

        Assert.All(burst.Take(3), o => Assert.Equal(CommandOutcomeKind.Handled, o.Kind));
        Assert.All(burst.Skip(3), o => Assert.Equal(CommandOutcomeKind.Refused, o.Kind));
        Assert.Contains("Slow down", burst[3].Reply!.Text, StringComparison.Ordinal);
        Assert.All(burst.Skip(4), o => Assert.Null(o.Reply)); // told once per burst, then silence
        Assert.Equal(CommandOutcomeKind.Handled, other.Kind);
        Assert.Equal(4, echo.Calls);
    }

    [Fact]
    public async Task Exempt_platforms_are_not_limited()
    {
        using var filter = new RateLimitFilter(Options.Create(new CommandOptions { RateLimitBurst = 1, RateLimitPeriod = TimeSpan.FromHours(1) }));
        var declaration = new CommandDeclaration("echo", "x");
        var console = TestRouter.Invocation("echo", user: "local");
        var discord = console with { Conversation = new("discord", "123") };

        for (var i = 0; i < 20; i++)
        {
            Assert.Null(await filter.CheckAsync(console, declaration, CancellationToken.None));
        }

        Assert.Null(await filter.CheckAsync(discord, declaration, CancellationToken.None));
        Assert.NotNull(await filter.CheckAsync(discord, declaration, CancellationToken.None));
    }

    [Fact]
    public async Task The_same_user_id_on_another_platform_has_its_own_bucket()
    {
        using var filter = new RateLimitFilter(Options.Create(new CommandOptions { RateLimitBurst = 1, RateLimitPeriod = TimeSpan.FromHours(1), RateLimitExemptPlatforms = [] }));
        var declaration = new CommandDeclaration("echo", "x");
        var console = TestRouter.Invocation("echo", user: "U1");
        var slack = console with { Conversation = new("slack", "C1") };

        Assert.Null(await filter.CheckAsync(console, declaration, CancellationToken.None));
        Assert.NotNull(await filter.CheckAsync(console, declaration, CancellationToken.None));
        Assert.Null(await filter.CheckAsync(slack, declaration, CancellationToken.None));
    }
}
