using System.Globalization;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;

namespace PolicyBot.ConsoleAdapter;

/// <summary>
/// The console as a chat platform: posts are printed, edits are printed again with the message id, attachments
/// are written to files so a chart can be opened.
/// </summary>
public sealed class ConsolePlatform(ConsoleIo io, IOptions<ConsoleOptions> options) : IChatPlatform
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private int _lastMessageId;

    public string Name => Platforms.Console;

    public async Task<MessageRef> PostAsync(ConversationRef conversation, Reply reply, CancellationToken cancellationToken)
    {
        var id = "m" + Interlocked.Increment(ref _lastMessageId).ToString(CultureInfo.InvariantCulture);
        await WriteAsync(reply, header: null, cancellationToken).ConfigureAwait(false);
        return new MessageRef(conversation, id);
    }

    public Task UpdateAsync(MessageRef message, Reply reply, CancellationToken cancellationToken) =>
        WriteAsync(reply, header: $"(message {message.MessageId} updated)", cancellationToken);

    private async Task WriteAsync(Reply reply, string? header, CancellationToken cancellationToken)
    {
        var text = PlainTextReplyFormatter.Format(reply);
        var saved = await SaveAttachmentsAsync(reply, cancellationToken).ConfigureAwait(false);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (header is not null)
            {
                await io.Output.WriteLineAsync(header).ConfigureAwait(false);
            }

            if (reply.Visibility == ReplyVisibility.OnlyInvoker)
            {
                await io.Output.WriteAsync("(only you can see this) ").ConfigureAwait(false);
            }

            await io.Output.WriteLineAsync(text).ConfigureAwait(false);
            foreach (var path in saved)
            {
                await io.Output.WriteLineAsync($"(saved to {path})").ConfigureAwait(false);
            }

            await io.Output.WriteLineAsync().ConfigureAwait(false);
            await io.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<List<string>> SaveAttachmentsAsync(Reply reply, CancellationToken cancellationToken)
    {
        var saved = new List<string>();
        if (reply.Attachments.Length == 0)
        {
            return saved;
        }

        var folder = Path.GetFullPath(options.Value.AttachmentsPath);
        Directory.CreateDirectory(folder);
        foreach (var attachment in reply.Attachments)
        {
            // Only the file name is used: an attachment name must never steer the write outside the folder.
            var path = Path.Combine(folder, Path.GetFileName(attachment.FileName));
            await File.WriteAllBytesAsync(path, attachment.Content.ToArray(), cancellationToken).ConfigureAwait(false);
            saved.Add(path);
        }

        return saved;
    }
}
