using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Inbound;
using PolicyBot.Core.Tests.Commands;

namespace PolicyBot.Core.Tests.Inbound;

public sealed class InvocationPipelineTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new();
    private readonly GatedCommand _slow = new();
    private readonly LandingLog _landings = new();
    private readonly BackgroundWork _work = new(NullLogger<BackgroundWork>.Instance);

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task An_answer_ready_before_the_deadline_is_replied_at_once_and_nothing_is_deferred()
    {
        var responder = new RecordingResponder(Deadline);

        await Pipeline().RunAsync(TestRouter.Invocation("echo", "hi"), responder, CancellationToken.None);

        Assert.Equal(["reply: echo: hi"], responder.Calls);
    }

    [Fact]
    public async Task A_handler_still_running_at_the_deadline_is_deferred_then_its_notice_becomes_the_answer()
    {
        var notice = new MessageRef(RecordingResponder.Channel, "notice");
        var responder = new RecordingResponder(Deadline, notice: notice);

        var run = Pipeline().RunAsync(TestRouter.Invocation("slow"), responder, CancellationToken.None);
        _clock.Advance(Deadline - TimeSpan.FromMilliseconds(1));
        Assert.Empty(responder.Calls);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await responder.Deferred.Task.WaitAsync(Bound);
        _slow.Gate.SetResult();
        await run.WaitAsync(Bound);

        Assert.Equal(["defer", "edit notice: done"], responder.Calls);
        Assert.Equal(("poll:1", notice), Assert.Single(_landings.Recorded));
    }

    [Fact]
    public async Task A_late_private_answer_is_sent_separately_and_the_notice_says_so()
    {
        var responder = new RecordingResponder(Deadline, notice: new MessageRef(RecordingResponder.Channel, "notice"));
        _slow.Answer = Reply.Private("only for you") with { TrackingKey = "poll:1" };

        var run = Pipeline().RunAsync(TestRouter.Invocation("slow"), responder, CancellationToken.None);
        _clock.Advance(Deadline);
        await responder.Deferred.Task.WaitAsync(Bound);
        _slow.Gate.SetResult();
        await run.WaitAsync(Bound);

        Assert.Equal(["defer", "reply: only for you", "edit notice: " + ProgressNotice.AnsweredElsewhere.Text], responder.Calls);
        Assert.Equal("m1", Assert.Single(_landings.Recorded).Message.MessageId);
    }

    [Fact]
    public async Task Where_private_answers_cannot_exist_the_notice_becomes_any_answer_without_files()
    {
        var responder = new RecordingResponder(Deadline, privateReplies: false, notice: new MessageRef(RecordingResponder.Channel, "notice"));
        _slow.Answer = Reply.Error("that went wrong");

        var run = Pipeline().RunAsync(TestRouter.Invocation("slow"), responder, CancellationToken.None);
        _clock.Advance(Deadline);
        await responder.Deferred.Task.WaitAsync(Bound);
        _slow.Gate.SetResult();
        await run.WaitAsync(Bound);

        Assert.Equal(["defer", "edit notice: that went wrong"], responder.Calls);
    }

    [Fact]
    public async Task Without_a_deadline_the_answer_is_awaited_however_long_it_takes()
    {
        var responder = new RecordingResponder(deadline: null);

        var run = Pipeline().RunAsync(TestRouter.Invocation("slow"), responder, CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty(responder.Calls);
        _slow.Gate.SetResult();
        await run.WaitAsync(Bound);

        Assert.Equal(["reply: done"], responder.Calls);
    }

    [Fact]
    public async Task Where_a_reply_landed_is_recorded_once()
    {
        _slow.Gate.SetResult();
        var responder = new RecordingResponder(Deadline);

        await Pipeline().RunAsync(TestRouter.Invocation("slow"), responder, CancellationToken.None);

        Assert.Equal(("poll:1", new MessageRef(RecordingResponder.Channel, "m1")), Assert.Single(_landings.Recorded));
        Assert.Empty(_landings.Undelivered);
    }

    [Fact]
    public async Task A_reply_that_cannot_be_posted_withdraws_what_it_stands_for_and_the_failure_is_not_hidden()
    {
        _slow.Gate.SetResult();
        var responder = new RecordingResponder(Deadline) { FailWith = new HttpRequestException("unreachable") };

        await Assert.ThrowsAsync<HttpRequestException>(() => Pipeline().RunAsync(TestRouter.Invocation("slow"), responder, CancellationToken.None));

        Assert.Equal("poll:1", Assert.Single(_landings.Undelivered));
        Assert.Empty(_landings.Recorded);
    }

    [Fact]
    public async Task A_dispatch_that_fails_outside_the_handler_is_answered_with_an_apology()
    {
        var responder = new RecordingResponder(Deadline);

        await Pipeline(new BrokenDeliveryLog()).RunAsync(TestRouter.Invocation("echo", "hi"), responder, CancellationToken.None);

        var reply = Assert.Single(responder.Calls);
        Assert.StartsWith("reply: Sorry, I couldn't take that command just now.", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_in_the_background_is_drained_at_shutdown()
    {
        var responder = new RecordingResponder(deadline: null);

        var run = Pipeline().RunInBackground(TestRouter.Invocation("slow"), responder);
        var stop = _work.StopAsync(CancellationToken.None);
        Assert.False(stop.IsCompleted);
        _slow.Gate.SetResult();
        await stop.WaitAsync(Bound);

        Assert.True(run.IsCompleted);
        Assert.Equal(["reply: done"], responder.Calls);
    }

    private InvocationPipeline Pipeline(IDeliveryLog? deliveryLog = null) =>
        new(TestRouter.Create([new EchoCommand(), _slow], log: deliveryLog), new PostedMessageTracker([_landings]), _work, _clock,
            NullLogger<InvocationPipeline>.Instance);
}
