using System.Text;
using PolicyBot.Core.Knowledge.Answering;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>The learned question map adds its change to the identity, survives the models file, and ships trained.</summary>
public sealed class QuestionAdapterTests
{
    [Fact]
    public void A_question_is_mapped_to_itself_plus_the_change_applied_to_it()
    {
        // change = [[0, 1], [2, 0]]: (x, y) -> (x + y, y + 2x)
        var adapter = QuestionAdapter.From([0, 1, 2, 0], dimensions: 2, nullScore: 0.3);

        Assert.Equal([1.5f, 2f], adapter.Apply([0.5f, 1f]));
    }

    [Fact]
    public void A_map_of_the_wrong_size_is_refused()
    {
        var adapter = QuestionAdapter.From([0, 1, 2, 0], dimensions: 2, nullScore: 0);
        var truncated = new QuestionAdapter { Dimensions = 2, Change = new byte[12] };

        Assert.Throws<ArgumentException>(() => adapter.Apply([1f, 2f, 3f]));
        Assert.Throws<InvalidDataException>(() => truncated.Apply([1f, 2f]));
    }

    [Fact]
    public void The_shipped_models_carry_a_trained_map_of_minilm_vectors_that_survives_saving()
    {
        var adapter = AnswerModels.Shipped.Adapter;
        Assert.NotNull(adapter);
        Assert.Equal(384, adapter.Dimensions);

        var question = new float[384];
        question[7] = 1;
        var mapped = adapter.Apply(question);
        Assert.NotEqual(question, mapped); // trained, not the identity

        using var saved = new MemoryStream();
        AnswerModels.Shipped.Save(saved);
        var reloaded = AnswerModels.Load(new MemoryStream(saved.ToArray()));
        Assert.Equal(mapped, reloaded.Adapter!.Apply(question));
        Assert.Equal(adapter.NullScore, reloaded.Adapter.NullScore);
        Assert.Contains("\"questionAdapter\"", Encoding.UTF8.GetString(saved.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pipeline_measures_a_question_as_its_models_adapter_maps_it()
    {
        var article = BikesArticle.Read();
        var pipeline = TestArticles.Pipeline(new PolicyBot.Core.Knowledge.ArticleLibrary([article]));

        var evidence = await pipeline.ExamineAsync("Do bike lanes help shops?", article, CancellationToken.None);

        Assert.NotNull(evidence.Adapted);
        Assert.Equal(AnswerModels.Shipped.Adapter!.NullScore, evidence.AdaptedNullScore);
        Assert.NotEqual(evidence.Words.BestSentence, evidence.Adapted.BestSentence);
        Assert.NotEqual(0, AnswerFeatures.Answerability(evidence, AnswerStages.All, 1, 1, 1)[AnswerFeatures.AnswerabilityNames.IndexOf("adapted.best-sentence")]);
        Assert.Equal(0, AnswerFeatures.Answerability(evidence, AnswerStages.All & ~AnswerStages.QuestionAdapter, 1, 1, 1)[AnswerFeatures.AnswerabilityNames.IndexOf("adapted.best-sentence")]);
    }
}
