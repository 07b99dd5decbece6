using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Conversations;

namespace PolicyBot.Tests.Generation;

/// <summary>Follow-ups with a model configured: the model gets the earlier question as context; context answers skip it.</summary>
public sealed class GenerationInConversationTests : IAsyncLifetime
{
    private static readonly FollowUpCue Ada = new(new ConversationRef(Platforms.Discord, "100"), "u1", null);
    private LoopbackModel _model = null!;

    public async Task InitializeAsync() => _model = await LoopbackModel.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task A_rewritten_follow_up_reaches_the_model_with_the_earlier_question_and_a_context_answer_does_not()
    {
        using var harness = new GenerationHarness(_model, stream: false);
        _model.Behaviour = ModelBehaviour.Json(true, "Washington could ease sanctions and cancel drills.", 5);
        var library = new ArticleLibrary([GenerationHarness.Article]);
        var answerer = new ConversationalAnswerer(
            new Retrieval(), new FixedArticles(library), new ConversationMemory(harness.Clock, Options.Create(new FollowUpOptions())), harness.Clock, harness.Writer);

        var first = await answerer.AnswerAsync("What should Washington offer?", null, Ada, CancellationToken.None);
        var about = await answerer.AnswerAsync("and what about Pyongyang?", null, Ada, CancellationToken.None);
        var quote = await answerer.AnswerAsync("quote it", null, Ada, CancellationToken.None);

        Assert.True(first.Generation.UsedModel);
        Assert.False(_model.Requests.First().Document.TryGetProperty("earlier", out _));
        var followUp = _model.Requests.Skip(1).Single().Document;
        Assert.Equal("What should Pyongyang offer?", followUp.GetProperty("question").GetString());
        Assert.Equal("What should Washington offer?", followUp.GetProperty("earlier").GetProperty("question").GetString());
        Assert.Equal(5, followUp.GetProperty("earlier").GetProperty("paragraphs")[0].GetInt32());
        Assert.True(about.Generation.UsedModel);
        Assert.False(quote.Generation.Asked);
        Assert.Equal(2, _model.Requests.Count);
        Assert.EndsWith("in full:", quote.Answer.Summary, StringComparison.Ordinal);
    }

    // Retrieval at its seam: every question answered as GenerationHarness.Extractive answers the first.
    private sealed class Retrieval : IAnswerer
    {
        public Task<Answer> AnswerAsync(string question, string? articleSlug, CancellationToken cancellationToken) =>
            Task.FromResult(GenerationHarness.Extractive() with { Question = question });
    }
}
