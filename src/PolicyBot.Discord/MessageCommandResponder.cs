using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Discord;

/// <summary>
/// Answers a typed command (<c>!ask …</c>) as a Discord reply to the member's message. One still running after
/// <see cref="DiscordOptions.InteractionDeferAfter"/> (an answer waiting for a language model) first gets a
/// "Thinking…" reply, which is edited into the answer when it is ready.
/// </summary>
public sealed class MessageCommandResponder(
    CommandRouter router,
    DiscordPlatform platform,
    PostedMessageTracker tracker,
    TimeProvider clock,
    IOptions<DiscordOptions> options)
{
    public async Task RespondAsync(CommandInvocation invocation, string? messageId, CancellationToken cancellationToken)
    {
        var dispatch = router.DispatchAsync(invocation, cancellationToken);
        if (await ProgressNotice.FinishesWithinAsync(dispatch, options.Value.InteractionDeferAfter, clock, cancellationToken).ConfigureAwait(false))
        {
            if ((await dispatch.ConfigureAwait(false)).Reply is { } reply)
            {
                await platform.PostAsync(invocation.Conversation, reply, messageId, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var notice = await platform.PostAsync(invocation.Conversation, ProgressNotice.Thinking, messageId, cancellationToken).ConfigureAwait(false);
        if ((await dispatch.ConfigureAwait(false)).Reply is not { } late)
        {
            return;
        }

        // A message command has no private channel on Discord (its errors are posted in the channel too): only files
        // keep the answer from replacing the notice, since an edit would have to re-send them.
        if (late.Attachments.IsEmpty)
        {
            await platform.UpdateAsync(notice, late, cancellationToken).ConfigureAwait(false);
            await tracker.NotifyAsync(late, notice, cancellationToken).ConfigureAwait(false);
            return;
        }

        await platform.PostAsync(invocation.Conversation, late, messageId, cancellationToken).ConfigureAwait(false);
        await platform.UpdateAsync(notice, ProgressNotice.AnsweredElsewhere, cancellationToken).ConfigureAwait(false);
    }
}
