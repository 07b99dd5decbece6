namespace PolicyBot.Core.Commands;

/// <summary>Every command, declared once by its handler. Lookups are by name or alias, case-insensitive.</summary>
public sealed class CommandCatalog
{
    private readonly Dictionary<string, ICommandHandler> _byName = new(StringComparer.OrdinalIgnoreCase);

    public CommandCatalog(IEnumerable<ICommandHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            var definition = handler.Definition;
            foreach (var name in definition.Aliases.Prepend(definition.Name))
            {
                if (!_byName.TryAdd(name, handler))
                {
                    throw new InvalidOperationException($"The command name '{name}' is declared twice.");
                }
            }
        }

        Commands = handlers.Select(h => h.Definition).OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>All commands, hidden ones included, sorted by name.</summary>
    public IReadOnlyList<CommandDeclaration> Commands { get; }

    /// <summary>What help lists and platforms register.</summary>
    public IEnumerable<CommandDeclaration> Visible => Commands.Where(c => !c.Hidden);

    public bool TryGetHandler(string name, out ICommandHandler handler) => _byName.TryGetValue(name, out handler!);

    public CommandDeclaration? Find(string name) => _byName.TryGetValue(name, out var handler) ? handler.Definition : null;

    /// <summary>The visible command names closest to a mistyped one, best first (for "did you mean").</summary>
    public IReadOnlyList<string> Suggest(string unknownName, int max = 3)
    {
        var typed = unknownName.ToLowerInvariant();
        return Visible
            .Select(c => (c.Name, Distance: EditDistance.Compute(typed, c.Name)))
            .Where(c => c.Distance <= Math.Max(2, typed.Length / 3) || c.Name.StartsWith(typed, StringComparison.Ordinal))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Name)
            .ToArray();
    }
}
