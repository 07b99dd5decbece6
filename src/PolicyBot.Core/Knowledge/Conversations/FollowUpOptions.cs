using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Core.Knowledge.Conversations;

/// <summary>
/// Configuration section <c>Knowledge:FollowUps</c>: how long and how much of a member's conversation with <c>ask</c> is
/// kept, so "why?" or "who said that?" is read with the question before it.
/// </summary>
public sealed class FollowUpOptions
{
    public const string SectionName = "Knowledge:FollowUps";

    /// <summary>Off: every question is read on its own, as before.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A question by the same member in the same channel this soon after an answer follows it up.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Knowledge:FollowUps:Window must be between 00:00:00 and 01:00:00.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an answer can still be followed up by replying to it or in its thread; older context is forgotten.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Knowledge:FollowUps:MaxAge must be between 00:00:00 and 1.00:00:00.")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Answers kept per member and channel (a reply to an older one of them still finds it).</summary>
    [Range(1, 20, ErrorMessage = "Knowledge:FollowUps:ExchangesPerConversation must be between 1 and 20.")]
    public int ExchangesPerConversation { get; set; } = 4;

    /// <summary>Conversations (member and channel) kept in all; the least recently used goes first.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Knowledge:FollowUps:MaxConversations must be between 1 and 1000000.")]
    public int MaxConversations { get; set; } = 10_000;
}
