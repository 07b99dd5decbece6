using System.Text;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Slack.Http;

namespace PolicyBot.Slack.Tests.Http;

public sealed class SlackSignatureVerifierTests
{
    // Slack's documented example (PROTOCOLS.md §2.1).
    public const string ExampleSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string ExampleTimestamp = "1531420618";
    public const string ExampleBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    public const string ExampleSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static SlackSignatureVerifier VerifierAt(long unixSeconds) =>
        new(ExampleSecret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)), TimeSpan.FromMinutes(5));

    [Fact]
    public void Slacks_documented_example_is_valid()
    {
        Assert.Equal(362, Encoding.UTF8.GetByteCount(ExampleBody));
        var check = VerifierAt(1531420618 + 30).Verify(ExampleTimestamp, ExampleSignature, Encoding.UTF8.GetBytes(ExampleBody));
        Assert.Equal(SignatureCheck.Valid, check);
    }

    [Fact]
    public void Signing_the_example_gives_slacks_signature() =>
        Assert.Equal(ExampleSignature, SlackSignatureVerifier.Sign(ExampleSecret, ExampleTimestamp, Encoding.UTF8.GetBytes(ExampleBody)));

    [Theory]
    [InlineData("text=", "text=%3C%21channel%3E")]
    [InlineData("U2CERLKJA", "U2CERLKJB")]
    public void A_changed_body_is_refused(string original, string replacement)
    {
        var tampered = Encoding.UTF8.GetBytes(ExampleBody.Replace(original, replacement, StringComparison.Ordinal));
        Assert.Equal(SignatureCheck.Mismatch, VerifierAt(1531420618).Verify(ExampleTimestamp, ExampleSignature, tampered));
    }

    [Theory]
    [InlineData(-301, SignatureCheck.Stale)]
    [InlineData(301, SignatureCheck.Stale)]
    [InlineData(-300, SignatureCheck.Valid)]
    [InlineData(300, SignatureCheck.Valid)]
    public void The_replay_window_is_five_minutes_both_ways(int skewSeconds, SignatureCheck expected)
    {
        var check = VerifierAt(1531420618 + skewSeconds).Verify(ExampleTimestamp, ExampleSignature, Encoding.UTF8.GetBytes(ExampleBody));
        Assert.Equal(expected, check);
    }

    [Theory]
    [InlineData(null, ExampleSignature, SignatureCheck.MissingHeaders)]
    [InlineData(ExampleTimestamp, null, SignatureCheck.MissingHeaders)]
    [InlineData("15314206l8", ExampleSignature, SignatureCheck.MalformedTimestamp)]
    [InlineData("-1531420618", ExampleSignature, SignatureCheck.MalformedTimestamp)]
    [InlineData(ExampleTimestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.Mismatch)]
    [InlineData(ExampleTimestamp, "v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503", SignatureCheck.Mismatch)]
    [InlineData(ExampleTimestamp, "v0=a2114d57", SignatureCheck.Mismatch)]
    [InlineData(ExampleTimestamp, "", SignatureCheck.MissingHeaders)]
    public void Missing_or_malformed_headers_are_refused(string? timestamp, string? signature, SignatureCheck expected) =>
        Assert.Equal(expected, VerifierAt(1531420618).Verify(timestamp, signature, Encoding.UTF8.GetBytes(ExampleBody)));

    [Fact]
    public void A_signature_made_with_another_secret_is_refused()
    {
        var forged = SlackSignatureVerifier.Sign("not-the-secret", ExampleTimestamp, Encoding.UTF8.GetBytes(ExampleBody));
        Assert.Equal(SignatureCheck.Mismatch, VerifierAt(1531420618).Verify(ExampleTimestamp, forged, Encoding.UTF8.GetBytes(ExampleBody)));
    }
}
