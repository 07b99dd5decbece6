using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Tests.Commands;

public sealed class CommandCatalogTests
{
    [Fact]
    public void Commands_are_found_by_name_and_alias_case_insensitively()
    {
        var handler = new AliasedCommand();
        var catalog = new CommandCatalog([handler, new EchoCommand()]);

        Assert.True(catalog.TryGetHandler("RESULTS", out var byName));
        Assert.True(catalog.TryGetHandler("tally", out var byAlias));
        Assert.Same(handler, byName);
        Assert.Same(handler, byAlias);
        Assert.Equal(["echo", "results"], catalog.Commands.Select(c => c.Name));
    }

    [Fact]
    public void A_name_declared_twice_is_rejected_at_start_up()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CommandCatalog([new EchoCommand(), new EchoCommand()]));
        Assert.Contains("'echo'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_commands_are_not_visible_or_suggested()
    {
        var catalog = new CommandCatalog([new HiddenCommand(), new EchoCommand()]);

        Assert.DoesNotContain(catalog.Visible, c => c.Name == "rate");
        Assert.DoesNotContain("rate", catalog.Suggest("rat"));
        Assert.True(catalog.TryGetHandler("rate", out _));
    }

    [Fact]
    public async Task Help_lists_the_catalog_and_explains_one_command()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(new CommandOptions()));
        services.AddSingleton<ICommandHandler, EchoCommand>(_ => new EchoCommand());
        services.AddSingleton<ICommandHandler, HiddenCommand>();
        services.AddSingleton<ICommandHandler, HelpCommand>();
        services.AddSingleton<CommandCatalog>();
        using var provider = services.BuildServiceProvider();
        var help = provider.GetServices<ICommandHandler>().OfType<HelpCommand>().Single();

        var list = await help.HandleAsync(TestRouter.Invocation("help"), CancellationToken.None);
        var one = await help.HandleAsync(TestRouter.Invocation("help", "echo"), CancellationToken.None);
        var unknown = await help.HandleAsync(TestRouter.Invocation("help", "ecoh"), CancellationToken.None);

        Assert.Contains("`!echo <text>` — Repeats the text.", list.Text, StringComparison.Ordinal);
        Assert.Contains("!help", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("rate", list.Text, StringComparison.Ordinal);
        Assert.Contains("Usage: `!echo <text>`", one.Text, StringComparison.Ordinal);
        Assert.True(unknown.IsError);
        Assert.Contains("Did you mean `echo`", unknown.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("poll", "poll", 0)]
    [InlineData("plol", "poll", 1)]
    [InlineData("remnd", "remind", 1)]
    [InlineData("", "abc", 3)]
    public void Edit_distance_counts_typos(string a, string b, int expected) => Assert.Equal(expected, EditDistance.Compute(a, b));

    private sealed class AliasedCommand : ICommandHandler
    {
        public CommandDeclaration Definition { get; } = new("results", "Shows results.") { Aliases = ["tally"] };

        public Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken) => Task.FromResult(new Reply("r"));
    }

    private sealed class HiddenCommand : ICommandHandler
    {
        public CommandDeclaration Definition { get; } = new("rate", "Button only.", Hidden: true);

        public Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken) => Task.FromResult(new Reply("ok"));
    }
}
