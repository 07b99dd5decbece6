using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Commands;
using PolicyBot.Slack;
using PolicyBot.Slack.Http;

namespace PolicyBot.Benchmarks;

/// <summary>
/// <c>slack-profile [requests=200000]</c>: one signed slash command through the Slack endpoint as the host wires it, in
/// process and without a socket, so only our own time counts: microseconds and bytes allocated per request for the
/// whole endpoint, and for each stage alone (signature check, form parse, route and handler, Block Kit JSON). What is not
/// one of those stages is overhead to remove. Kestrel's own cost is what <c>slack</c> measures on top.
/// </summary>
internal static class SlackProfile
{
    // As many members as SlackBenchmark.SignedSlashCommandBody cycles through.
    private const int Members = 10_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        await using var services = SlackBenchmark.EndpointServices();
        var endpoint = services.GetRequiredService<SlackEventsEndpoint>();
        var verifier = services.GetRequiredService<SlackSignatureVerifier>();
        var processor = services.GetRequiredService<SlackRequestProcessor>();
        var router = services.GetRequiredService<CommandRouter>();
        var translator = services.GetRequiredService<SlackTranslator>();
        _ = services.GetRequiredService<IOptions<SlackOptions>>().Value;

        Console.WriteLine($"One signed slash command, in process, {requests:N0} requests per stage after as many to warm up; {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine("| stage | µs per request | bytes allocated per request |");
        Console.WriteLine("|---|---:|---:|");

        var sequence = 0L;
        await MeasureAsync("whole endpoint (read, check, parse, route, handler, JSON, write)", requests, async () =>
        {
            var context = SignedRequest(services, ++sequence);
            await endpoint.HandleAsync(context);
            if (context.Response.StatusCode != StatusCodes.Status200OK)
            {
                throw new InvalidOperationException($"HTTP {context.Response.StatusCode}");
            }
        });
        await MeasureAsync("(this driver: signing a request and its HttpContext, to subtract)", requests, () =>
        {
            _ = SignedRequest(services, ++sequence);
            return Task.CompletedTask;
        });

        var (sampleBody, sampleTimestamp, sampleSignature) = SlackBenchmark.SignedSlashCommandBody(0);
        await MeasureAsync("signature check (HMAC-SHA256, constant-time compare)", requests, () =>
        {
            _ = verifier.Verify(sampleTimestamp, sampleSignature, sampleBody);
            return Task.CompletedTask;
        });
        await MeasureAsync("form parse (strict UTF-8)", requests, () =>
        {
            _ = SlackForm.TryParse(sampleBody);
            return Task.CompletedTask;
        });
        // One form per member, as the whole endpoint sends them: a single member would meet the per-user rate limit
        // and the stages would time its refusal instead of the handler.
        var forms = Enumerable.Range(0, Members).Select(i => SlackForm.TryParse(SlackBenchmark.SignedSlashCommandBody(i).Body)!).ToArray();
        SlashCommandRequest NextRequest() =>
            SlashCommandRequest.FromForm(forms[++sequence % Members]) with { TriggerId = sequence.ToString(CultureInfo.InvariantCulture) };
        await MeasureAsync("route and handler (CommandRouter with its filters)", requests, async () =>
        {
            _ = await router.DispatchAsync(translator.FromSlashCommand(NextRequest()), CancellationToken.None);
        });
        var reply = (await router.DispatchAsync(translator.FromSlashCommand(NextRequest()), CancellationToken.None)).Reply
            ?? throw new InvalidOperationException("The sample command got no reply.");
        await MeasureAsync("Block Kit JSON of the answer", requests, () =>
        {
            _ = SlackReplySender.InlineBody(reply);
            return Task.CompletedTask;
        });
        await MeasureAsync("slash command processing (translate, route, handler, JSON)", requests, async () =>
        {
            _ = await processor.HandleSlashCommandAsync(NextRequest());
        });
        return 0;
    }

    private static DefaultHttpContext SignedRequest(IServiceProvider services, long sequence)
    {
        var (body, timestamp, signature) = SlackBenchmark.SignedSlashCommandBody(sequence);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body, writable: false);
        context.Request.Headers["X-Slack-Request-Timestamp"] = timestamp;
        context.Request.Headers["X-Slack-Signature"] = signature;
        context.Response.Body = Stream.Null;
        return context;
    }

    private static async Task MeasureAsync(string stage, int requests, Func<Task> once)
    {
        for (var i = 0; i < requests; i++)
        {
            await once();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            await once();
        }

        var elapsed = clock.Elapsed;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {stage} | {elapsed.TotalMicroseconds / requests:F2} | {allocated / (double)requests:N0} |"));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
