using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Knowledge.Conversations;

/// <summary>
/// The last few answers per member and channel, in memory, bounded in count (<see cref="FollowUpOptions.MaxConversations"/>,
/// <see cref="FollowUpOptions.ExchangesPerConversation"/>) and age (<see cref="FollowUpOptions.MaxAge"/>). A question
/// follows up an answer when it replies to it, is asked in its thread (Slack's thread, or a Discord thread opened on the
/// answer, whose id is the answer's), or comes from the same member in the same channel within
/// <see cref="FollowUpOptions.Window"/>. Context never crosses channels or members: another member's answer is never
/// found. Learns where answers were posted as an <see cref="IPostedMessageSink"/> (keys <c>answer:&lt;id&gt;</c>).
/// </summary>
public sealed class ConversationMemory(TimeProvider clock, IOptions<FollowUpOptions> options) : IPostedMessageSink
{
    public const string KeyPrefix = "answer:";

    private readonly Lock _gate = new();
    private readonly Dictionary<MemberKey, LinkedListNode<Conversation>> _conversations = [];
    private readonly LinkedList<Conversation> _recentFirst = new();
    private readonly Dictionary<string, (Exchange Exchange, MemberKey Owner)> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Exchange> _byMessage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _messageOf = new(StringComparer.Ordinal);

    private FollowUpOptions Settings => options.Value;

    /// <summary>Conversations held now (for tests of the bound).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _conversations.Count;
            }
        }
    }

    /// <summary>The answer <paramref name="cue"/>'s question may follow up, or null.</summary>
    public Exchange? Recall(FollowUpCue cue)
    {
        if (!Settings.Enabled)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (!_conversations.TryGetValue(MemberKey.Of(cue), out var node))
            {
                // Not in this channel, but maybe in the thread opened on an answer of this member (Discord).
                return FromAnswerThread(cue, now);
            }

            var exchanges = node.Value.Exchanges.Where(e => now - e.At <= Settings.MaxAge).ToList();
            return (cue.RepliedToMessageId is { } replied ? exchanges.FirstOrDefault(e => MessageOf(e) == replied) : null)
                ?? (cue.Conversation.ThreadId is { } thread ? exchanges.FirstOrDefault(e => e.ThreadId == thread) : null)
                ?? FromAnswerThread(cue, now)
                ?? exchanges.FirstOrDefault(e => now - e.At <= Settings.Window);
        }
    }

    /// <summary>Keeps <paramref name="exchange"/> as the newest of the member's conversation in this channel.</summary>
    public void Remember(FollowUpCue cue, Exchange exchange)
    {
        if (!Settings.Enabled)
        {
            return;
        }

        var key = MemberKey.Of(cue);
        lock (_gate)
        {
            if (_conversations.TryGetValue(key, out var node))
            {
                _recentFirst.Remove(node);
            }
            else
            {
                node = new LinkedListNode<Conversation>(new Conversation(key, []));
                _conversations[key] = node;
            }

            _recentFirst.AddFirst(node);
            node.Value.Exchanges.Insert(0, exchange);
            _byId[exchange.Id] = (exchange, key);
            while (node.Value.Exchanges.Count > Settings.ExchangesPerConversation)
            {
                Forget(node.Value.Exchanges[^1]);
                node.Value.Exchanges.RemoveAt(node.Value.Exchanges.Count - 1);
            }

            while (_conversations.Count > Settings.MaxConversations && _recentFirst.Last is { } oldest)
            {
                _recentFirst.RemoveLast();
                _conversations.Remove(oldest.Value.Key);
                oldest.Value.Exchanges.ForEach(Forget);
            }
        }
    }

    public Task RecordAsync(string trackingKey, MessageRef message, CancellationToken cancellationToken)
    {
        if (trackingKey.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            lock (_gate)
            {
                if (_byId.TryGetValue(trackingKey[KeyPrefix.Length..], out var known))
                {
                    _messageOf[known.Exchange.Id] = message.MessageId;
                    _byMessage[message.MessageId] = known.Exchange;
                }
            }
        }

        return Task.CompletedTask;
    }

    public static string KeyFor(Exchange exchange) => KeyPrefix + exchange.Id;

    // A Discord thread started from a message has the message's id: a question there follows up that answer.
    private Exchange? FromAnswerThread(FollowUpCue cue, DateTimeOffset now)
    {
        var threadOrChannel = cue.Conversation.ThreadId ?? cue.Conversation.ChannelId;
        if (!_byMessage.TryGetValue(threadOrChannel, out var exchange) || now - exchange.At > Settings.MaxAge)
        {
            return null;
        }

        // Only the member's own answer on the same platform: the memory never hands one member's context to another.
        var owner = _byId[exchange.Id].Owner;
        return owner.Platform == cue.Conversation.Platform && owner.MemberId == cue.MemberId ? exchange : null;
    }

    private string? MessageOf(Exchange exchange) => _messageOf.GetValueOrDefault(exchange.Id);

    private void Forget(Exchange exchange)
    {
        _byId.Remove(exchange.Id);
        if (_messageOf.Remove(exchange.Id, out var message))
        {
            _byMessage.Remove(message);
        }
    }

    private readonly record struct MemberKey(string Platform, string ChannelId, string MemberId)
    {
        public static MemberKey Of(FollowUpCue cue) => new(cue.Conversation.Platform, cue.Conversation.ChannelId, cue.MemberId);
    }

    private sealed record Conversation(MemberKey Key, List<Exchange> Exchanges);
}
