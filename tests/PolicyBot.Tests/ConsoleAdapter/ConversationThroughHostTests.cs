using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Core.Knowledge.Generation;
using PolicyBot.Hosting;
using PolicyBot.Tests.Generation;

namespace PolicyBot.Tests.ConsoleAdapter;

/// <summary>Follow-ups and the optional language model through the real host on the console.</summary>
[Collection(HostCollection.Name)]
public sealed class ConversationThroughHostTests : IDisposable
{
    private readonly ConsoleSession _session = new();

    [Fact]
    public async Task Follow_ups_on_the_console_are_read_with_the_earlier_question()
    {
        var output = await _session.RunAsync("""
            !ask What should Washington offer?
            !ask who said that?
            !ask and what about Pyongyang?
            bob> !ask quote it
            """);

        var afterFirst = output[output.IndexOf("(¶5)", StringComparison.Ordinal)..];
        Assert.Contains("_Following up “What should Washington offer?”_", afterFirst, StringComparison.Ordinal);
        Assert.Contains("It is the author's own view: Bonnie Kristian (¶5).", afterFirst, StringComparison.Ordinal);
        Assert.Contains("“Pyongyang, in turn, could continue to build relations with South Korea", afterFirst, StringComparison.Ordinal);
        // bob has no earlier question here: his "quote it" is asked plainly, not with ada's context.
        Assert.DoesNotContain("in full:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_model_configured_the_console_answer_is_phrased_by_it_with_verbatim_quotes()
    {
        await using var model = await LoopbackModel.StartAsync();
        model.Behaviour = ModelBehaviour.Json(true, "The author wants Washington to start small by easing sanctions and cancelling drills.", 5);

        var output = await _session.RunAsync(
            "!ask What should Washington offer?\n",
            $"--Knowledge:Generation:Endpoint={model.Endpoint}",
            "--Knowledge:Generation:Model=loopback-llm");

        Assert.Contains("The author wants Washington to start small by easing sanctions and cancelling drills.", output, StringComparison.Ordinal);
        Assert.Contains("Washington could offer to lift sanctions", output, StringComparison.Ordinal);
        Assert.Contains("(¶5)", output, StringComparison.Ordinal);
        Assert.Single(model.Requests);
    }

    [Fact]
    public void With_no_endpoint_and_model_nothing_of_the_model_is_registered()
    {
        using var plain = BotHost.Build([$"--Storage:ConnectionString={_session.DatabasePath}"]);
        using var configured = BotHost.Build([$"--Storage:ConnectionString={_session.DatabasePath}", "--Knowledge:Generation:Endpoint=http://127.0.0.1:9/v1", "--Knowledge:Generation:Model=m"]);

        Assert.Null(plain.Services.GetService<AnswerWriter>());
        Assert.Null(plain.Services.GetService<IChatClient>());
        Assert.NotNull(configured.Services.GetService<AnswerWriter>());
        Assert.NotNull(configured.Services.GetService<IChatClient>());
    }

    [Theory]
    [InlineData("http://localhost:11434/v1", null, false)]
    [InlineData(null, "llama3.2", false)]
    [InlineData("ftp://localhost/v1", "llama3.2", false)]
    [InlineData("http://localhost:11434/v1", "llama3.2", true)]
    [InlineData(null, null, true)]
    public void Generation_settings_are_checked_at_start_up(string? endpoint, string? model, bool valid)
    {
        var options = new GenerationOptions { Endpoint = endpoint, Model = model };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        Assert.Equal(valid, System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true));
    }

    public void Dispose() => _session.Dispose();
}
