using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace PolicyBot.Slack.Http;

/// <summary>Why a request was refused; logged, never shown to the caller.</summary>
public enum SignatureCheck
{
    Valid,
    MissingHeaders,
    MalformedTimestamp,
    Stale,
    Mismatch,
}

/// <summary>
/// Slack's <c>v0</c> request signature: HMAC-SHA256 over <c>v0:{timestamp}:{raw body}</c> with the signing secret,
/// a replay window both ways (Slack's own pseudocode uses the absolute difference; Bolt only rejects old requests),
/// and a constant-time comparison so the signature cannot be guessed byte by byte.
/// </summary>
public sealed class SlackSignatureVerifier
{
    private const string Version = "v0";
    private const int HexLength = 64;
    private static readonly int SignatureLength = Version.Length + 1 + HexLength;

    private readonly byte[] _key;
    private readonly TimeProvider _clock;
    private readonly long _windowSeconds;

    public SlackSignatureVerifier(string signingSecret, TimeProvider clock, TimeSpan window)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        _key = Encoding.UTF8.GetBytes(signingSecret);
        _clock = clock;
        _windowSeconds = (long)window.TotalSeconds;
    }

    public SignatureCheck Verify(string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestampHeader) || string.IsNullOrEmpty(signatureHeader))
        {
            return SignatureCheck.MissingHeaders;
        }

        if (timestampHeader.Length > 12 ||
            !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return SignatureCheck.MalformedTimestamp;
        }

        if (Math.Abs(_clock.GetUtcNow().ToUnixTimeSeconds() - timestamp) > _windowSeconds)
        {
            return SignatureCheck.Stale;
        }

        Span<char> expected = stackalloc char[SignatureLength];
        Compute(timestampHeader, body, expected);

        // Lengths are public (always 67 for v0); only the content must be compared in constant time.
        return signatureHeader.Length == SignatureLength &&
               CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(expected), MemoryMarshal.AsBytes(signatureHeader.AsSpan()))
            ? SignatureCheck.Valid
            : SignatureCheck.Mismatch;
    }

    /// <summary>The header value Slack would send for this body; tests and load drivers sign with it.</summary>
    public static string Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        Span<char> signature = stackalloc char[SignatureLength];
        new SlackSignatureVerifier(signingSecret, TimeProvider.System, TimeSpan.Zero).Compute(timestamp, body, signature);
        return signature.ToString();
    }

    private void Compute(string timestamp, ReadOnlySpan<byte> body, Span<char> destination)
    {
        var prefixLength = Version.Length + 1 + timestamp.Length + 1;
        var length = prefixLength + body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var baseString = rented.AsSpan(0, length);
            var written = Encoding.ASCII.GetBytes($"{Version}:{timestamp}:", baseString);
            body.CopyTo(baseString[written..]);

            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(_key, baseString, mac);

            Version.AsSpan().CopyTo(destination);
            destination[Version.Length] = '=';
            Convert.TryToHexStringLower(mac, destination[(Version.Length + 1)..], out _);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
