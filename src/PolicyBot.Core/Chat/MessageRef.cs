namespace PolicyBot.Core.Chat;

/// <summary>A message the bot posted, so it can be edited later (poll cards).</summary>
public sealed record MessageRef(ConversationRef Conversation, string MessageId);
