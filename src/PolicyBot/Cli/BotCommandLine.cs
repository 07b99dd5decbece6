using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PolicyBot.Hosting;
using PolicyBot.Storage.Infrastructure;

namespace PolicyBot.Cli;

/// <summary>
/// <c>PolicyBot [run]</c> runs the bot; <c>PolicyBot ask [--json] [question]</c> answers from the articles without
/// starting the bot. Tokens the parser does not know (<c>--Storage:Provider=Postgres</c>) are configuration overrides.
/// </summary>
public static class BotCommandLine
{
    public static Task<int> InvokeAsync(string[] args) => Build().Parse(args).InvokeAsync(Invocation);

    /// <summary>
    /// System.CommandLine turns SIGTERM and Ctrl+C into the action's cancellation and, by default, lets the signal end the
    /// process 2 seconds later (exit 143): less than the host's own graceful shutdown. It waits for that instead.
    /// </summary>
    public static InvocationConfiguration Invocation => new() { ProcessTerminationTimeout = BotHost.ShutdownTimeout + TimeSpan.FromSeconds(5) };

    public static RootCommand Build()
    {
        var root = new RootCommand("PolicyBot: grounded answers, polls and deadline reminders for policy discussions on Discord, Slack and the console.");
        var run = new Command("run", "Run the bot (the default). With no Discord or Slack credentials it talks on the console.");
        run.TreatUnmatchedTokensAsErrors = false;
        run.SetAction((result, ct) => RunBotAsync([.. result.UnmatchedTokens], ct));
        root.Subcommands.Add(run);
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((result, ct) => RunBotAsync([.. result.UnmatchedTokens], ct));
        foreach (var command in ExtraCommands.Create())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<int> RunBotAsync(string[] configArguments, CancellationToken cancellationToken)
    {
        try
        {
            using var host = BotHost.Build(configArguments);
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (StartupError.TryDescribe(ex, out var message))
        {
            await Console.Error.WriteLineAsync($"PolicyBot could not start: {message}").ConfigureAwait(false);
            return 1;
        }
    }
}
