using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Diagnostics;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Discord.Gateway;

/// <summary>
/// Runs this instance's shards. A fatal close (bad token, bad shard config, disallowed intents) stops the Discord
/// adapter with one log line naming the cause; the rest of the bot keeps running.
/// </summary>
public sealed partial class DiscordGatewayService(
    DiscordRestClient restClient,
    IOptions<DiscordOptions> options,
    IGatewayDispatchHandler dispatchHandler,
    IdentifyGate identifyGate,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory,
    GatewayConnectionState? connectionState = null,
    BotMetrics? metrics = null) : BackgroundService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<DiscordGatewayService>();
    private readonly List<GatewayShardSession> _sessions = [];

    private readonly GatewayConnectionState _state = connectionState ?? new GatewayConnectionState();

    /// <summary>Set when the adapter stopped for good; the close code Discord gave (0 for a rejected token over REST).</summary>
    public int? FatalCloseCode => _state.FatalCloseCode;

    /// <summary>Which shards have a live session (read by the readiness check).</summary>
    public GatewayConnectionState ConnectionState => _state;

    public IReadOnlyList<GatewayShardSession> Sessions => _sessions;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var gateway = await DiscoverGatewayAsync(settings, stoppingToken).ConfigureAwait(false);
        if (gateway is null)
        {
            return;
        }

        identifyGate.SetSessionStartLimit(gateway.SessionStarts);
        var shardCount = settings.ShardCount ?? gateway.RecommendedShards;
        var shardIds = settings.ShardIds.Length > 0 ? settings.ShardIds : Enumerable.Range(0, shardCount).ToArray();
        _state.Expect(shardIds);
        LogStarting(string.Join(',', shardIds), shardCount, gateway.MaxConcurrency);

        using var stopAll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var sessionLogger = loggerFactory.CreateLogger<GatewayShardSession>();
        foreach (var shardId in shardIds.Order())
        {
            _sessions.Add(new GatewayShardSession(
                shardId, shardCount, gateway.MaxConcurrency, gateway.Url, settings.Token, dispatchHandler, identifyGate,
                new ReconnectBackoff(settings.ReconnectInitialDelay, settings.ReconnectMaxDelay), timeProvider, sessionLogger, _state, metrics)
            {
                MaxReceiveBytes = settings.MaxGatewayMessageBytes,
            });
        }

        var running = _sessions.Select(s => s.RunAsync(stopAll.Token)).ToList();
        while (running.Count > 0)
        {
            var finished = await Task.WhenAny(running).ConfigureAwait(false);
            running.Remove(finished);
            var stop = await finished.ConfigureAwait(false);
            if (stop.FatalCloseCode is { } code && FatalCloseCode is null)
            {
                _state.MarkStopped(code);
                LogFatal(code, GatewayCloseCodes.Describe(code), stop.ShardId);
                await stopAll.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>GET /gateway/bot, retried with backoff; a rejected token stops the adapter instead.</summary>
    private async Task<GatewayBotInfo?> DiscoverGatewayAsync(DiscordOptions settings, CancellationToken stoppingToken)
    {
        var backoff = new ReconnectBackoff(settings.ReconnectInitialDelay, settings.ReconnectMaxDelay);
        while (true)
        {
            try
            {
                return await restClient.GetGatewayBotAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (DiscordRestException ex) when (ex.Status == System.Net.HttpStatusCode.Unauthorized)
            {
                _state.MarkStopped(4004);
                LogFatal(4004, GatewayCloseCodes.Describe(4004), 0);
                return null;
            }
            catch (Exception ex) when (ex is DiscordRestException or HttpRequestException)
            {
                var delay = backoff.NextDelay();
                LogDiscoveryFailed(ex.Message, delay.TotalMilliseconds);
                await Task.Delay(delay, timeProvider, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: running shards [{ShardIds}] of {ShardCount} (identify concurrency {MaxConcurrency})")]
    private partial void LogStarting(string shardIds, int shardCount, int maxConcurrency);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord adapter stopped: Discord closed the gateway with {CloseCode} ({Reason}) on shard {ShardId}; it will not reconnect until restarted")]
    private partial void LogFatal(int closeCode, string reason, int shardId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway discovery failed ({Error}); retrying in {DelayMs} ms")]
    private partial void LogDiscoveryFailed(string error, double delayMs);
}
