using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moq;
using PolicyBot.Core.Inbound;

namespace PolicyBot.Core.Tests.Inbound;

public sealed class BackgroundWorkTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Shutdown_waits_for_work_in_flight_before_it_cancels()
    {
        using var work = new BackgroundWork(Mock.Of<ILogger<BackgroundWork>>());
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sawCancellation = false;
        _ = work.Start("a reply", async ct =>
        {
            await gate.Task;
            sawCancellation = ct.IsCancellationRequested;
        });

        var stop = work.StopAsync(CancellationToken.None);
        Assert.False(stop.IsCompleted);
        gate.SetResult();
        await stop.WaitAsync(Bound);

        Assert.False(sawCancellation);
        Assert.True(work.StoppingToken.IsCancellationRequested);
    }

    [Fact]
    public async Task Work_started_here_runs_on_the_callers_thread_until_it_waits_and_is_drained_like_the_rest()
    {
        using var work = new BackgroundWork(Mock.Of<ILogger<BackgroundWork>>());
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var caller = Environment.CurrentManagedThreadId;
        int? ranOn = null;

        var running = work.StartHere("an answer", async _ =>
        {
            ranOn = Environment.CurrentManagedThreadId;
            await gate.Task;
        });
        Assert.Equal(caller, ranOn);
        var stop = work.StopAsync(CancellationToken.None);
        Assert.False(stop.IsCompleted);
        gate.SetResult();
        await stop.WaitAsync(Bound);

        Assert.True(running.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Work_still_running_when_the_shutdown_timeout_passes_is_cancelled()
    {
        using var work = new BackgroundWork(Mock.Of<ILogger<BackgroundWork>>());
        var running = work.Start("a reply that never comes", ct => Task.Delay(Timeout.Infinite, ct));

        await work.StopAsync(new CancellationToken(canceled: true)).WaitAsync(Bound);

        await running.WaitAsync(Bound);
        Assert.True(running.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_failure_is_logged_not_lost_and_never_thrown_at_the_caller()
    {
        var logger = new Mock<ILogger<BackgroundWork>>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        using var work = new BackgroundWork(logger.Object);

        var failed = work.Start("a doomed reply", _ => throw new InvalidOperationException("boom"));
        await failed.WaitAsync(Bound);

        Assert.True(failed.IsCompletedSuccessfully);
        logger.Verify(l => l.Log(LogLevel.Error, It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(),
            It.Is<Exception>(e => e.Message == "boom"), It.IsAny<Func<It.IsAnyType, Exception?, string>>()), Times.Once);
    }

    [Fact]
    public void The_host_drains_one_background_work_however_often_the_pipeline_is_added()
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger<>));
        services.AddInboundPipeline();
        services.AddInboundPipeline();
        using var provider = services.BuildServiceProvider();

        var hosted = Assert.Single(provider.GetServices<IHostedService>());
        Assert.Same(provider.GetRequiredService<BackgroundWork>(), hosted);
    }
}
