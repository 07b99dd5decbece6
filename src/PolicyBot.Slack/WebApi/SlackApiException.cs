namespace PolicyBot.Slack.WebApi;

/// <summary>A Web API call answered <c>ok:false</c> (or failed at the HTTP level). <see cref="Error"/> is Slack's code, e.g. <c>not_in_channel</c>.</summary>
public sealed class SlackApiException(string method, string error)
    : Exception($"Slack method {method} failed: {error}")
{
    public string Method { get; } = method;

    public string Error { get; } = error;
}
