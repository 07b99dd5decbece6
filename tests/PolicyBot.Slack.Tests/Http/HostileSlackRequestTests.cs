using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PolicyBot.Slack.Http;
using PolicyBot.Slack.Tests.Infrastructure;

namespace PolicyBot.Slack.Tests.Http;

/// <summary>
/// The Slack endpoint under the probe's hostile requests, one row each: signed (so they pass the signature check) but
/// broken in the body. Each gets its status, runs nothing, and leaves no trace of the body in any log line. Add rows.
/// </summary>
public sealed class HostileSlackRequestTests : IAsyncLifetime
{
    private const string Secret = "SECRET-VALUE-IN-BODY";

    private readonly CapturingLoggerProvider _logs = new();
    private LoopbackSlack _slack = null!;
    private SlackBotHost _bot = null!;

    public static TheoryData<string, string, byte[], HttpStatusCode> Requests => new()
    {
        { "JSON that is not UTF-8", "application/json", Bytes("{\"type\":\"event_callback\",\"event\":{\"text\":\"", [0xFF, 0xFE], $"{Secret}\"}}}}"), HttpStatusCode.BadRequest },
        { "a form that is not UTF-8", "application/x-www-form-urlencoded", Bytes("command=%2Fpolicy&text=", [0xC3, 0x28], $"&token={Secret}"), HttpStatusCode.BadRequest },
        { "a form field that decodes to invalid UTF-8", "application/x-www-form-urlencoded", Bytes($"command=%2Fpolicy&user_id=U1&channel_id=C1&text=%FF%FE&token={Secret}"), HttpStatusCode.BadRequest },
        { "a click payload that decodes to invalid UTF-8", "application/x-www-form-urlencoded", Bytes($"payload=%7B%22type%22%3A%22%ED%A0%80{Secret}%22%7D"), HttpStatusCode.BadRequest },
        { "a form sent without the form content type", "text/plain", Bytes($"token={Secret}&command=%2Fpolicy&text=ask+x&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F{Secret}"), HttpStatusCode.BadRequest },
        { "JSON that is not JSON", "application/json", Bytes($"{{\"type\": {Secret}"), HttpStatusCode.BadRequest },
        { "a click payload that is not JSON", "application/x-www-form-urlencoded", Bytes($"payload=%7Bnot-json-{Secret}"), HttpStatusCode.BadRequest },
        { "JSON with an escaped lone surrogate", "application/json", Bytes($"{{\"type\":\"\\ud800{Secret}\"}}"), HttpStatusCode.BadRequest },
        { "a click payload with an escaped lone surrogate", "application/x-www-form-urlencoded", Bytes($"payload=%7B%22type%22%3A%22%5Cud800{Secret}%22%7D"), HttpStatusCode.BadRequest },
    };

    public async Task InitializeAsync()
    {
        _slack = await LoopbackSlack.StartAsync();
        _bot = await SlackBotHost.StartAsync(_slack, logs: _logs);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_signed_but_broken_request_gets_its_status_runs_nothing_and_its_body_is_never_logged(string what, string contentType, byte[] body, HttpStatusCode expected)
    {
        var response = await _bot.SendRawAsync(Signed(body, contentType, _bot.Now));

        Assert.True(expected == response.StatusCode, $"{what}: {response.StatusCode}");
        Assert.Empty(_bot.Invocations.All);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(Secret, StringComparison.Ordinal) || line.Contains("token=", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, line => line.Contains($"{body.Length} bytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_command_without_trigger_id_replayed_with_the_same_signature_runs_once()
    {
        var command = Encoding.UTF8.GetBytes(SlackBotHost.Form(("command", "/policy"), ("text", "ask once?"), ("user_id", "U1"), ("channel_id", "C1"), ("team_id", "T1")));
        var timestamp = _bot.Now;

        var first = await _bot.SendRawAsync(Signed(command, "application/x-www-form-urlencoded", timestamp));
        var replay = await _bot.SendRawAsync(Signed(command, "application/x-www-form-urlencoded", timestamp));
        _bot.Clock.Advance(TimeSpan.FromSeconds(1));
        var resent = await _bot.SendRawAsync(Signed(command, "application/x-www-form-urlencoded", _bot.Now));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, replay.StatusCode, resent.StatusCode));
        Assert.Equal(2, _bot.Invocations.All.Count); // the replay is dropped; a new request (new timestamp) is not
    }

    private static HttpRequestMessage Signed(byte[] body, string contentType, string timestamp)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSignatureVerifier.Sign(SlackBotHost.SigningSecret, timestamp, body));
        return request;
    }

    private static byte[] Bytes(string text, byte[]? raw = null, string after = "") =>
        [.. Encoding.UTF8.GetBytes(text), .. raw ?? [], .. Encoding.UTF8.GetBytes(after)];
}
