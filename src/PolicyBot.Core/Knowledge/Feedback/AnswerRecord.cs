using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Knowledge.Feedback;

/// <summary>An answer as given: what was asked, where, and what was cited (null paragraph for a decline).</summary>
public sealed record AnswerRecord(
    string AnswerId,
    string Question,
    string? ArticleSlug,
    bool Declined,
    int? PrimaryParagraph,
    ConversationRef Conversation,
    string UserId,
    DateTimeOffset AskedAt);

/// <summary>A stored answer with its vote counts.</summary>
public sealed record RatedAnswer(
    string AnswerId,
    string Question,
    string? ArticleSlug,
    bool Declined,
    int? PrimaryParagraph,
    int Helpful,
    int NotHelpful,
    DateTimeOffset AskedAt);
