using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Inbound;

namespace PolicyBot.ConsoleAdapter;

/// <summary>
/// Each stdin line is a chat message from a local user in the channel <c>console</c>; replies go to stdout.
/// Lines are read with a bound (<see cref="CommandOptions.MaxMessageLength"/>): a longer one is refused without ever
/// being held whole. At end of input the host stops, which lets every service finish what is pending, and the process
/// exits 0.
/// </summary>
public sealed partial class ConsoleAdapterService(
    ConsoleIo io,
    CommandRouter router,
    InvocationPipeline pipeline,
    ConsolePlatform platform,
    IHostApplicationLifetime lifetime,
    IOptions<ConsoleOptions> options,
    IOptions<CommandOptions> commandOptions,
    ILogger<ConsoleAdapterService> logger) : BackgroundService
{
    public static readonly ConversationRef Channel = new(Platforms.Console, "console");

    // Delivery ids must be unique per run, or yesterday's "line 1" would be taken for a repeat today.
    private readonly string _runId = Guid.NewGuid().ToString("N")[..12];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var lineNumber = 0L;
            var maxLength = commandOptions.Value.MaxMessageLength;
            var lines = new BoundedLineReader(io.Input, maxLength + 1);
            while (await lines.ReadLineAsync(stoppingToken).ConfigureAwait(false) is { } line)
            {
                lineNumber++;
                if (line.Length > maxLength)
                {
                    await platform.PostAsync(Channel, Reply.Error(
                        $"That line is {line.Length:N0} characters long; I read at most {maxLength:N0}. Please shorten it."), stoppingToken).ConfigureAwait(false);
                    continue;
                }

                await HandleLineAsync(line.Text, lineNumber, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        LogEndOfInput();
        lifetime.StopApplication();
    }

    private async Task HandleLineAsync(string line, long lineNumber, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        var defaultUser = options.Value.UserName;
        var (speaker, message) = ConsoleLine.Split(line, defaultUser);
        var sender = new Sender(
            "console:" + speaker.ToLowerInvariant(),
            speaker,
            IsAdmin: string.Equals(speaker, defaultUser, StringComparison.OrdinalIgnoreCase));
        var deliveryId = $"console:{_runId}:{lineNumber.ToString(CultureInfo.InvariantCulture)}";
        var invocation = router.ParseMessage(message, sender, Channel, deliveryId);
        if (invocation is null)
        {
            if (!string.IsNullOrWhiteSpace(message))
            {
                await platform.PostAsync(Channel, Reply.Private($"Commands start with `{router.Prefix}`. Try `{router.Prefix}help`."), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        try
        {
            // Awaited, not in the background: lines are answered in the order they were typed.
            await pipeline.RunAsync(invocation, new ConsoleResponder(platform, Channel), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The pipeline already turns handler failures into replies; this guards the adapter's own I/O.
            LogLineFailed(ex, lineNumber);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "End of console input; stopping")]
    private partial void LogEndOfInput();

    [LoggerMessage(Level = LogLevel.Error, Message = "Console line {LineNumber} could not be answered")]
    private partial void LogLineFailed(Exception exception, long lineNumber);
}
