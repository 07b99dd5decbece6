using System.Collections.Immutable;
using System.Globalization;
using Cronos;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Reminders;

/// <summary>The configured deadlines, validated once at start-up (a bad entry stops the start with a clear message).</summary>
public sealed class DeadlineCatalog
{
    // Ten years: a countdown that starts earlier is a misconfiguration (and Due minus it must stay on the calendar).
    private static readonly TimeSpan MaxOffset = TimeSpan.FromDays(3653);

    private const int MinDueYear = 1970;
    private const int MaxDueYear = 9000;

    private static readonly string[] DueFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    public DeadlineCatalog(IOptions<RemindersOptions> options)
    {
        var errors = new List<string>();
        Deadlines = Parse(options.Value.Deadlines, errors);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(RemindersOptions.SectionName, typeof(RemindersOptions), errors);
        }
    }

    public IReadOnlyList<Deadline> Deadlines { get; }

    public Deadline? Find(string name) => Deadlines.FirstOrDefault(d => d.Name == name);

    /// <summary>Validated deadlines; problems are added to <paramref name="errors"/> and the entry skipped.</summary>
    public static IReadOnlyList<Deadline> Parse(IEnumerable<DeadlineOptions> configured, List<string> errors)
    {
        var deadlines = new List<Deadline>();
        var index = 0;
        foreach (var entry in configured)
        {
            var where = $"{RemindersOptions.SectionName}:Deadlines:{index++}";
            var count = errors.Count;
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                errors.Add($"{where}:Name is required.");
            }
            else if (deadlines.Any(d => d.Name == entry.Name))
            {
                errors.Add($"{where}:Name '{entry.Name}' is used twice.");
            }

            if (!TimeZoneDirectory.TryFind(entry.TimeZone, out var zone))
            {
                errors.Add($"{where}:TimeZone '{entry.TimeZone}' is not an IANA time zone (did you mean {TimeZoneDirectory.Suggest(entry.TimeZone)}?).");
            }

            if (!DateTime.TryParseExact(entry.Due, DueFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                errors.Add($"{where}:Due '{entry.Due}' must be a local date-time like 2019-12-31T23:59.");
            }
            else if (local.Year is < MinDueYear or > MaxDueYear)
            {
                // Far from both ends of the calendar, so time zones and offsets can never push a post off it.
                errors.Add($"{where}:Due '{entry.Due}' must lie between the years {MinDueYear} and {MaxDueYear}.");
            }

            CronExpression? cron = null;
            if (!string.IsNullOrWhiteSpace(entry.Cron) && !CronExpression.TryParse(entry.Cron, CronFormat.Standard, out cron))
            {
                errors.Add($"{where}:Cron '{entry.Cron}' is not a five-field cron expression.");
            }

            var offsets = new List<(string, TimeSpan)>();
            foreach (var offset in entry.Offsets)
            {
                if (DurationText.TryParseCompact(offset, out var before) && before > TimeSpan.Zero && before <= MaxOffset)
                {
                    offsets.Add((offset, before));
                }
                else
                {
                    errors.Add($"{where}:Offsets '{offset}' must be a duration like 7d, 1d or 1h, at most {MaxOffset.TotalDays:0} days.");
                }
            }

            if (entry.Channels.Any(c => string.IsNullOrWhiteSpace(c.Platform) || string.IsNullOrWhiteSpace(c.ChannelId)))
            {
                errors.Add($"{where}:Channels need a Platform and a ChannelId.");
            }

            if (errors.Count > count)
            {
                continue;
            }

            deadlines.Add(new Deadline(
                entry.Name,
                TimeZoneDirectory.ToInstant(local, zone),
                zone,
                entry.Channels.Select(c => new ConversationRef(c.Platform.ToLowerInvariant(), c.ChannelId, c.ThreadId)).ToImmutableArray(),
                cron,
                offsets.Distinct().ToImmutableArray(),
                entry.Template,
                entry.PassedTemplate,
                entry.MentionEveryone));
        }

        return deadlines;
    }
}

/// <summary>Reports bad deadlines at start-up (with ValidateOnStart) instead of at the first post.</summary>
public sealed class RemindersOptionsValidator : IValidateOptions<RemindersOptions>
{
    public ValidateOptionsResult Validate(string? name, RemindersOptions options)
    {
        var errors = new List<string>();
        DeadlineCatalog.Parse(options.Deadlines, errors);
        if (!TimeZoneDirectory.TryFind(options.DefaultTimeZone, out _))
        {
            errors.Add($"{RemindersOptions.SectionName}:DefaultTimeZone '{options.DefaultTimeZone}' is not an IANA time zone.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
