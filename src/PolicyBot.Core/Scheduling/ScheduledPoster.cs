using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Scheduling;

/// <summary>How a scheduled post went.</summary>
public enum ScheduledPostOutcome
{
    Posted,

    /// <summary>No adapter for the conversation's platform runs in this process; nothing was sent.</summary>
    NoPlatform,
}

/// <summary>
/// Posts a due job's message effectively once. The post carries a key derived from the job (kind, key and due time, so
/// each occurrence of a recurring job has its own) that lets the platform recognise a repeat (<see cref="PostOnce"/>),
/// and the job records "posted" (<see cref="IDueJobStore.MarkPostedAsync"/>) right after the platform answered, before
/// anything else the job does can fail. A crash before the record is covered by the platform; one after it by the
/// record (handlers skip the post when <see cref="DueJob.Posted"/>).
/// </summary>
public sealed partial class ScheduledPoster(IDueJobStore jobs, ChatPlatformRegistry platforms, ILogger<ScheduledPoster> logger)
{
    public Task<ScheduledPostOutcome> PostAsync(DueJob job, ConversationRef conversation, Reply reply, CancellationToken cancellationToken) =>
        PostAsync(job, conversation, reply, opening: null, cancellationToken);

    /// <param name="opening">The start of <paramref name="reply"/>'s text that every attempt shares, when what follows may differ (<see cref="PostOnce.Opening"/>).</param>
    public async Task<ScheduledPostOutcome> PostAsync(DueJob job, ConversationRef conversation, Reply reply, string? opening, CancellationToken cancellationToken)
    {
        if (!platforms.TryGet(conversation.Platform, out var platform))
        {
            return ScheduledPostOutcome.NoPlatform;
        }

        await platform.PostOnceAsync(conversation, reply, OnceFor(job) with { Opening = opening }, cancellationToken).ConfigureAwait(false);

        // Not cancellable: once the message is out, shutting down must not stop us from writing that down.
        if (!await jobs.MarkPostedAsync(job, CancellationToken.None).ConfigureAwait(false))
        {
            LogNotRecorded(job.Kind, job.Key);
        }

        return ScheduledPostOutcome.Posted;
    }

    /// <summary>The idempotency key of a job's post: the same on every retry of this occurrence, different for the next.</summary>
    public static PostOnce OnceFor(DueJob job)
    {
        var identity = string.Join('\n', job.Kind, job.Key, job.DueAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return new PostOnce(Convert.ToHexStringLower(hash)[..24], job.DueAt, MayAlreadyExist: job.Attempt > 1);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Due job {Kind}/{Key} posted, but its claim was taken over meanwhile; the post was not recorded")]
    private partial void LogNotRecorded(string kind, string key);
}
