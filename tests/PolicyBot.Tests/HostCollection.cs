namespace PolicyBot.Tests;

/// <summary>
/// Tests that run whole hosts share process-wide state (meters are subscribed by name), so they run one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HostCollection
{
    public const string Name = "Whole hosts";
}
