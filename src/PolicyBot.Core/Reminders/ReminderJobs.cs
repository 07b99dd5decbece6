namespace PolicyBot.Core.Reminders;

/// <summary>Due-job kinds of this feature.</summary>
public static class ReminderJobs
{
    public const string FireKind = "reminder.fire";

    public const string DeadlinePostKind = "deadline.post";
}
