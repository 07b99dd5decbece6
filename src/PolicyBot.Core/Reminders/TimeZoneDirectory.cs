using System.Globalization;
using System.Text.RegularExpressions;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Reminders;

/// <summary>IANA time zones: lookup, "did you mean" for typos, short labels ("KST") and local-to-instant conversion.</summary>
public static partial class TimeZoneDirectory
{
    // IANA ids start with one of these areas; a token like "a/b" in reminder text is therefore not taken for a zone.
    private static readonly HashSet<string> Areas = new(StringComparer.OrdinalIgnoreCase)
    {
        "Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific", "Etc",
    };

    private static readonly Lazy<string[]> Ids = new(() => TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Append("UTC").Distinct().ToArray());

    // Names whose initials would mislead (CEST is the summer label, not the standard one).
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Coordinated Universal Time"] = "UTC",
        ["Central European Standard Time"] = "CET",
        ["Eastern European Standard Time"] = "EET",
        ["Western European Standard Time"] = "WET",
        ["Greenwich Mean Time"] = "GMT",
    };

    public static bool TryFind(string id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        if (id.Equals("UTC", StringComparison.OrdinalIgnoreCase) || id.Equals("GMT", StringComparison.OrdinalIgnoreCase) || id == "Z")
        {
            return true;
        }

        // Users type "europe/berlin"; the system lookup is case-sensitive on Linux.
        var exact = Ids.Value.FirstOrDefault(z => z.Equals(id, StringComparison.OrdinalIgnoreCase));
        if (exact is null)
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(exact);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// True for tokens meant as a zone, whether or not the zone exists: UTC/GMT, a known area with a location in any case
    /// ("europe/berlin"), or the capitalised Area/Location shape of IANA ids ("Mars/Olympus", so an unknown zone is
    /// refused rather than read as text). Lower-case words with a slash ("a/b", "and/or") are text.
    /// </summary>
    public static bool LooksLikeZone(string token)
    {
        if (token.Equals("UTC", StringComparison.OrdinalIgnoreCase) || token.Equals("GMT", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var slash = token.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < token.Length - 1 && (Areas.Contains(token[..slash]) || IanaShape().IsMatch(token));
    }

    /// <summary>The known id closest to a mistyped one (by edit distance, ignoring case).</summary>
    public static string Suggest(string typed)
    {
        var lower = typed.ToLowerInvariant();
        return Ids.Value
            .OrderBy(id => EditDistance.Compute(lower, id.ToLowerInvariant()))
            .ThenBy(id => id, StringComparer.Ordinal)
            .First();
    }

    /// <summary>A short label for the zone at an instant: "KST", "CET"/"CEST", "EST"/"EDT", or "GMT+05:30" where ICU has no name.</summary>
    public static string Label(TimeZoneInfo zone, DateTimeOffset at)
    {
        if (zone == TimeZoneInfo.Utc || zone.Id is "UTC" or "Etc/UTC")
        {
            return "UTC";
        }

        var name = zone.IsDaylightSavingTime(at) ? zone.DaylightName : zone.StandardName;
        if (Labels.TryGetValue(name, out var label))
        {
            return label;
        }

        if (name.StartsWith("GMT", StringComparison.Ordinal) || name.StartsWith("UTC", StringComparison.Ordinal) || !name.Contains(' ', StringComparison.Ordinal))
        {
            return name;
        }

        var initials = string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => w[0]));
        if (initials.Length >= 2)
        {
            return initials;
        }

        var offset = zone.GetUtcOffset(at);
        return "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The instant a wall-clock time in a zone denotes. A time skipped by a spring-forward change moves forward by the gap
    /// (02:30 becomes 03:30); a time that happens twice in autumn takes the first (summer-time) occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var before = zone.GetUtcOffset(local.AddHours(-6));
            var after = zone.GetUtcOffset(local.AddHours(6));
            return new DateTimeOffset(local, before).ToOffset(after);
        }

        if (zone.IsAmbiguousTime(local))
        {
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    [GeneratedRegex(@"^[A-Z][A-Za-z_]{2,}(/[A-Z][A-Za-z0-9_+-]*){1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IanaShape();
}
