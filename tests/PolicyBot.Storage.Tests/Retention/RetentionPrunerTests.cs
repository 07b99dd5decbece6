using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Storage.Commands;
using PolicyBot.Storage.Retention;
using PolicyBot.Storage.Tests.Infrastructure;

namespace PolicyBot.Storage.Tests.Retention;

/// <summary>The hosted pruner: a pass at start-up, then one per interval on the injected clock; options checked at start.</summary>
public sealed class RetentionPrunerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_pruner_runs_at_start_and_then_every_interval_on_the_clock()
    {
        await using var database = await TestDatabases.CreateSqliteAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var options = new RetentionOptions();
        var log = new SqlDeliveryLog(database.Connections, clock);
        await log.TryRecordAsync("old", CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(30));
        await log.TryRecordAsync("young", CancellationToken.None);
        clock.Advance(options.DeliveryIds - TimeSpan.FromMinutes(29));
        using var pruner = new RetentionPruner(new RetentionSweep(database.Connections, Options.Create(options), clock), Options.Create(options), clock, NullLogger<RetentionPruner>.Instance);
        var passes = System.Threading.Channels.Channel.CreateUnbounded<RetentionReport>();
        pruner.PassCompleted += report => passes.Writer.TryWrite(report);

        await pruner.StartAsync(CancellationToken.None);
        var atStart = await passes.Reader.ReadAsync().AsTask().WaitAsync(Bound);
        Assert.Equal(1, atStart.DeliveryIds);
        Assert.True(await log.TryRecordAsync("old", CancellationToken.None), "the expired id was not pruned at start-up");

        // "young" expires half an hour before the next tick: the tick, and nothing before it, prunes it.
        clock.Advance(options.Interval - TimeSpan.FromSeconds(1));
        Assert.False(passes.Reader.TryRead(out _));
        Assert.False(await log.TryRecordAsync("young", CancellationToken.None), "the id was pruned before the tick");
        clock.Advance(TimeSpan.FromSeconds(1));
        var onTick = await passes.Reader.ReadAsync().AsTask().WaitAsync(Bound);
        await pruner.StopAsync(CancellationToken.None);

        Assert.Equal(1, onTick.DeliveryIds);
        Assert.True(await log.TryRecordAsync("young", CancellationToken.None), "the id that expired before the tick was not pruned by it");
        Assert.False(await log.TryRecordAsync("old", CancellationToken.None), "the id recorded after start-up was pruned too early");
    }

    [Theory]
    [InlineData("DeliveryIds", "00:05:00")]
    [InlineData("Answers", "00:00:00")]
    [InlineData("ClosedPolls", "-1.00:00:00")]
    [InlineData("OpenEndedPolls", "12:00:00")]
    [InlineData("OpenEndedPolls", "367.00:00:00")]
    [InlineData("Interval", "00:00:01")]
    [InlineData("BatchSize", "0")]
    public void A_retention_out_of_range_stops_the_start_with_the_key_named(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Storage:Retention:{key}"] = value,
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddPolicyBotStorage(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RetentionOptions>>().Value);
        Assert.Contains($"Storage:Retention:{key}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_valid_and_outlast_every_platform_retry_window()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddPolicyBotStorage(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<RetentionOptions>>().Value;

        // Slack's last retry comes about 6 minutes after the event; the floor is an hour, the default a day.
        Assert.Equal(TimeSpan.FromDays(1), options.DeliveryIds);
        Assert.Equal(TimeSpan.FromDays(90), options.Answers);
        Assert.Equal(TimeSpan.FromDays(180), options.ClosedPolls);
        Assert.Equal(TimeSpan.FromDays(30), options.OpenEndedPolls);
        Assert.Equal(TimeSpan.FromHours(1), options.Interval);
    }
}
