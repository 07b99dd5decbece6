using System.CommandLine;

namespace PolicyBot.Cli;

/// <summary>Subcommands besides <c>run</c>: the ask CLI and the ask evaluation.</summary>
public static class ExtraCommands
{
    public static IEnumerable<Command> Create()
    {
        yield break;
    }
}
