using PolicyBot.Core.Reminders;
using static PolicyBot.Core.Tests.Reminders.ReminderTimeParserTests;

namespace PolicyBot.Core.Tests.Reminders;

/// <summary>"Every day 09:00 Europe/Berlin" stays at 09:00 local when the clocks change (last Sundays of March and October).</summary>
public sealed class RecurringScheduleTests
{
    [Theory]
    [InlineData("2026-03-27T08:00:00Z", new[] { "2026-03-28T08:00:00Z", "2026-03-29T07:00:00Z", "2026-03-30T07:00:00Z" })]
    [InlineData("2026-10-23T07:00:00Z", new[] { "2026-10-24T07:00:00Z", "2026-10-25T08:00:00Z", "2026-10-26T08:00:00Z" })]
    public void Daily_nine_oclock_berlin_stays_at_nine_local_across_daylight_saving(string start, string[] expectedUtc)
    {
        var berlin = Zone("Europe/Berlin");
        var occurrences = new List<DateTimeOffset>();
        var at = At(start);
        foreach (var _ in expectedUtc)
        {
            at = RecurringSchedule.Next("0 9 * * *", berlin, at)!.Value;
            occurrences.Add(at);
        }

        Assert.Equal(expectedUtc.Select(At), occurrences);
        Assert.All(occurrences, o => Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(TimeZoneDirectory.InZone(o, berlin).DateTime)));
    }

    [Fact]
    public void After_an_outage_the_latest_missed_occurrence_is_the_one_answered_for()
    {
        var berlin = Zone("Europe/Berlin");

        var latest = RecurringSchedule.Latest("0 9 * * *", berlin, At("2026-03-25T08:00:00Z"), At("2026-03-28T08:20:00Z"));

        Assert.Equal(At("2026-03-28T08:00:00Z"), latest);
    }
}
