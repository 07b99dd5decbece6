using System.Text.Json;

namespace PolicyBot.Discord.Gateway;

/// <summary>Receives gateway dispatches (op 0). Must return quickly: the shard's read loop waits for it.</summary>
public interface IGatewayDispatchHandler
{
    /// <param name="data">Valid only during the call (pooled document): clone what you keep.</param>
    void OnDispatch(int shardId, string eventName, JsonElement data);
}
