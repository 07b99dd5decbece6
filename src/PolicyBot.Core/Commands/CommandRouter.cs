using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Diagnostics;
using PolicyBot.Core.Footprint;

namespace PolicyBot.Core.Commands;

/// <summary>
/// The one path every command takes: control characters stripped, lookup, duplicate check (the delivery log, or the
/// handler's own for commands that <see cref="CommandDeclaration.DeduplicatesDeliveries"/>), filters (permissions, rate
/// limit), handler. A handler's exception becomes a polite error reply; it never reaches the adapter.
/// </summary>
public sealed partial class CommandRouter(
    CommandCatalog catalog,
    IEnumerable<ICommandFilter> filters,
    IDeliveryLog deliveryLog,
    IOptions<CommandOptions> options,
    ILogger<CommandRouter> logger,
    TimeProvider? clock = null,
    BotMetrics? metrics = null,
    CommandSyntax? syntax = null,
    QuietMemoryRelease? memoryRelease = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private readonly CommandSyntax _syntax = syntax ?? new CommandSyntax(options, []);

    private readonly ICommandFilter[] _filters = filters.OrderBy(f => f.Order).ToArray();

    private readonly DeliveriesInHand _inHand = new();

    public CommandCatalog Catalog => catalog;

    public string Prefix => options.Value.Prefix;

    /// <summary>Parses a chat message. Null when the message is not a command (no prefix): chat that is not for the bot.</summary>
    public CommandInvocation? ParseMessage(string text, Sender sender, ConversationRef conversation, string deliveryId)
    {
        if (text.Length > options.Value.MaxMessageLength)
        {
            // Too long to parse safely; route it as a pseudo-command so the user gets the polite refusal.
            return text.TrimStart().StartsWith(Prefix, StringComparison.Ordinal)
                ? CommandInvocation.TooLong(text.Length, sender, conversation, deliveryId)
                : null;
        }

        return CommandLineParser.TryParse(text, Prefix, out var name, out var arguments)
            ? new CommandInvocation(name, arguments, sender, conversation, deliveryId)
            : null;
    }

    public async Task<CommandOutcome> DispatchAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        // Control characters (NUL, BEL, ESC sequences) are never stored, echoed or sent on, whatever the platform let through.
        invocation = invocation with
        {
            Arguments = ControlCharacters.Strip(invocation.Arguments),
            Values = invocation.Values.MapText(ControlCharacters.Strip),
            Sender = invocation.Sender with { DisplayName = ControlCharacters.Strip(invocation.Sender.DisplayName) },
        };
        var started = _clock.GetTimestamp();
        var outcome = await RouteAsync(invocation, cancellationToken).ConfigureAwait(false);
        if (metrics is not null && outcome.Kind != CommandOutcomeKind.Duplicate)
        {
            // Unknown names are user text: count them under one tag so metrics cardinality stays bounded.
            var name = catalog.Find(invocation.Name)?.Name ?? "(unknown)";
            metrics.CommandHandled(name, outcome.Kind.ToString(), _clock.GetElapsedTime(started));
        }

        memoryRelease?.WorkDone();
        return outcome;
    }

    private async Task<CommandOutcome> RouteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var known = catalog.TryGetHandler(invocation.Name, out var handler);
        if (!(known && handler.Definition.DeduplicatesDeliveries))
        {
            return await deliveryLog.TryRecordAsync(invocation.DeliveryId, cancellationToken).ConfigureAwait(false)
                ? await RunAsync(invocation, known, handler, cancellationToken).ConfigureAwait(false)
                : Duplicate(invocation);
        }

        // A twin of a delivery still being handled here is dropped before the filters: its copy in hand will answer, and
        // until that copy's vote commits no store knows the id, so a rate-limit refusal of the twin would be a second
        // reply to one press. Distinct clicks have distinct ids and are limited as before.
        if (!_inHand.TryTake(invocation.DeliveryId))
        {
            return Duplicate(invocation);
        }

        try
        {
            return await RouteSelfDeduplicatingAsync(invocation, handler, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Handling is over: the vote committed or its refusal is in the delivery log, so storage silences a later
            // repeat from here on (a failure keeps nothing, leaving the platform's retry free to count).
            _inHand.Release(invocation.DeliveryId);
        }
    }

    private async Task<CommandOutcome> RouteSelfDeduplicatingAsync(CommandInvocation invocation, ICommandHandler handler, CancellationToken cancellationToken)
    {
        // A command that deduplicates with its own effect (a vote) records the id there: recording it here first would
        // lose the vote if the process died between this insert and the ballot's commit, the retry being refused. An
        // accepted repeat is silenced by that check. The router looks the id up only for a refusal, which has no effect
        // to carry it: a lookup before every click is a database round trip per vote, outside the vote writer's group
        // commit, and cut PostgreSQL's durable votes from about 28,000/s to 5,600/s (docs/PERFORMANCE.md). So a repeat
        // arriving after its twin was handled still takes a rate-limit token, but is answered at most once.
        var outcome = await RunAsync(invocation, known: true, handler, cancellationToken).ConfigureAwait(false);
        if (outcome.Kind is not (CommandOutcomeKind.Refused or CommandOutcomeKind.InvalidInput))
        {
            return outcome;
        }

        // A refusal of a click already counted or refused is a repeat: silent. Otherwise the log keeps the id before the
        // reply goes out, so a later repeat is silent too; of two refused copies at once on different instances, the
        // second insert fails. A failure is not kept: nothing was done, and the platform's retry may get through.
        return await deliveryLog.HasSeenAsync(invocation.DeliveryId, cancellationToken).ConfigureAwait(false)
            || !await deliveryLog.TryRecordAsync(invocation.DeliveryId, cancellationToken).ConfigureAwait(false)
            ? Duplicate(invocation)
            : outcome;
    }

    /// <summary>Length checks, filters (permissions, rate limit) and the handler.</summary>
    private async Task<CommandOutcome> RunAsync(CommandInvocation invocation, bool known, ICommandHandler handler, CancellationToken cancellationToken)
    {
        if (invocation.UnreadLength is { } length)
        {
            return new(CommandOutcomeKind.InvalidInput, Reply.Error(
                $"That message is {length:N0} characters long; I read at most {options.Value.MaxMessageLength:N0}. Please shorten it."));
        }

        if (invocation.Arguments.Length > options.Value.MaxMessageLength)
        {
            return new(CommandOutcomeKind.InvalidInput, Reply.Error(
                $"That is {invocation.Arguments.Length:N0} characters long; I read at most {options.Value.MaxMessageLength:N0}. Please shorten it."));
        }

        if (!known)
        {
            return new(CommandOutcomeKind.Unknown, UnknownCommandReply(invocation.Name, invocation.Conversation.Platform));
        }

        foreach (var filter in _filters)
        {
            if (await filter.CheckAsync(invocation, handler.Definition, cancellationToken).ConfigureAwait(false) is { } refusal)
            {
                return refusal;
            }
        }

        try
        {
            var reply = await handler.HandleAsync(invocation, cancellationToken).ConfigureAwait(false);
            if (RepeatedDelivery.Is(reply))
            {
                return Duplicate(invocation);
            }

            return new(reply.IsError ? CommandOutcomeKind.InvalidInput : CommandOutcomeKind.Handled, reply);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogHandlerFailed(ex, handler.Definition.Name, invocation.DeliveryId);
            return new(CommandOutcomeKind.Failed, Reply.Error(
                $"Sorry, something went wrong while running `{handler.Definition.Name}`. It has been logged; please try again in a moment."));
        }
    }

    private CommandOutcome Duplicate(CommandInvocation invocation)
    {
        LogDuplicate(invocation.DeliveryId);
        return CommandOutcome.Duplicate;
    }

    private Reply UnknownCommandReply(string name, string platform)
    {
        var shown = name.Length > 32 ? name[..32] + "…" : name;
        var suggestions = catalog.Suggest(name);
        var hint = suggestions.Count > 0
            ? $" Did you mean {string.Join(" or ", suggestions.Select(s => $"`{_syntax.Of(platform, s)}`"))}?"
            : string.Empty;
        return Reply.Error($"I don't know the command `{MentionGuard.Defuse(shown)}`.{hint} Type `{_syntax.Of(platform, "help")}` to see what I can do.");
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery {DeliveryId} was already handled; ignoring the repeat")]
    private partial void LogDuplicate(string deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Command {Command} failed (delivery {DeliveryId})")]
    private partial void LogHandlerFailed(Exception exception, string command, string deliveryId);
}
