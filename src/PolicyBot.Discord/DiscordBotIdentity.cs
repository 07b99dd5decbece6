namespace PolicyBot.Discord;

/// <summary>
/// Who the bot is on Discord: its user id (to ignore its own messages and find its own posts; from READY, or from
/// <c>GET /users/@me</c> when a post needs it first) and application id (from config or READY).
/// </summary>
public sealed class DiscordBotIdentity
{
    private readonly TaskCompletionSource<string> _applicationId = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DiscordBotIdentity(Microsoft.Extensions.Options.IOptions<DiscordOptions> options)
    {
        if (options.Value.ApplicationId is { Length: > 0 } configured)
        {
            _applicationId.TrySetResult(configured);
        }
    }

    public string? UserId { get; private set; }

    public string? ApplicationId => _applicationId.Task.IsCompletedSuccessfully ? _applicationId.Task.Result : null;

    /// <summary>Completes once the application id is known (configured, or READY arrived).</summary>
    public Task<string> WaitForApplicationIdAsync(CancellationToken cancellationToken) => _applicationId.Task.WaitAsync(cancellationToken);

    public void OnReady(string? userId, string? applicationId)
    {
        if (userId is { Length: > 0 })
        {
            UserId = userId;
        }

        if (applicationId is { Length: > 0 })
        {
            _applicationId.TrySetResult(applicationId);
        }
    }

    /// <summary>The user id learned from <c>GET /users/@me</c> (a scheduled post retried before READY).</summary>
    public void OnCurrentUser(string userId) => OnReady(userId, applicationId: null);
}
