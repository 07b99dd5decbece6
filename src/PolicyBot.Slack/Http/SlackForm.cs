using System.Net;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace PolicyBot.Slack.Http;

/// <summary>
/// An <c>application/x-www-form-urlencoded</c> body read strictly: every name and value must be valid UTF-8 once
/// percent-decoded (Slack only sends such), so a forged or broken byte is refused instead of becoming U+FFFD.
/// </summary>
public static class SlackForm
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The fields, or null when one of them is not valid UTF-8.</summary>
    public static Dictionary<string, StringValues>? TryParse(byte[] body)
    {
        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        var start = 0;
        while (start <= body.Length)
        {
            var end = Array.IndexOf(body, (byte)'&', start);
            if (end < 0)
            {
                end = body.Length;
            }

            if (end > start)
            {
                var equals = Array.IndexOf(body, (byte)'=', start, end - start);
                var nameEnd = equals < 0 ? end : equals;
                var name = Decode(body, start, nameEnd - start);
                var value = equals < 0 ? string.Empty : Decode(body, equals + 1, end - equals - 1);
                if (name is null || value is null)
                {
                    return null;
                }

                fields[name] = fields.TryGetValue(name, out var existing) ? StringValues.Concat(existing, value) : new StringValues(value);
            }

            start = end + 1;
        }

        return fields;
    }

    private static string? Decode(byte[] body, int offset, int count)
    {
        if (count == 0)
        {
            return string.Empty;
        }

        try
        {
            // Most fields (ids, names) have nothing to decode: read them straight from the body.
            var raw = body.AsSpan(offset, count);
            return raw.IndexOfAny((byte)'%', (byte)'+') < 0
                ? StrictUtf8.GetString(raw)
                : StrictUtf8.GetString(WebUtility.UrlDecodeToBytes(body, offset, count));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
