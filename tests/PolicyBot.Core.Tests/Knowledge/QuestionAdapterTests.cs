using System.Text;
using PolicyBot.Core.Knowledge.Answering;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>The linear question map (trained by <c>PolicyBot train-answerer</c> alone) adds its change to the identity and survives the models file.</summary>
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
    public void A_map_survives_the_models_file()
    {
        var adapter = QuestionAdapter.From([.. Enumerable.Range(0, 384 * 384).Select(i => (i % 7) / 1000f)], dimensions: 384, nullScore: 0.4);
        var question = new float[384];
        question[7] = 1;

        using var saved = new MemoryStream();
        WithAdapter(adapter).Save(saved);
        var reloaded = AnswerModels.Load(new MemoryStream(saved.ToArray()));

        Assert.Equal(adapter.Apply(question), reloaded.Adapter!.Apply(question));
        Assert.Equal(0.4, reloaded.Adapter.NullScore);
        Assert.Null(reloaded.Tuning);
        Assert.Contains("\"questionAdapter\"", Encoding.UTF8.GetString(saved.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pipeline_measures_a_question_as_its_models_adapter_maps_it_when_they_carry_no_tuning()
    {
        var article = BikesArticle.Read();
        var adapter = QuestionAdapter.From([.. Enumerable.Range(0, 384 * 384).Select(i => (i % 5) / 1000f)], dimensions: 384, nullScore: 0.35);
        var pipeline = new AnswerPipeline(new FixedArticles(new PolicyBot.Core.Knowledge.ArticleLibrary([article])), TestArticles.Indexes(), WithAdapter(adapter), new AnsweringOptions());

        var evidence = await pipeline.ExamineAsync("Do bike lanes help shops?", article, CancellationToken.None);

        Assert.NotNull(evidence.Adapted);
        Assert.Equal(0.35, evidence.AdaptedNullScore);
        var mapped = adapter.Apply(evidence.Question.Words.Vector);
        Assert.Equal(evidence.Index.Words.Sentences.Max(s => (double)System.Numerics.Tensors.TensorPrimitives.Dot(s.Vector, mapped)), evidence.Adapted.BestSentence.Max(), 5);
    }

    // The shipped models with a linear map instead of their tuning (what `PolicyBot train-answerer` alone trains).
    private static AnswerModels WithAdapter(QuestionAdapter adapter) => AnswerModels.Shipped.ReadingQuestionsWith(adapter, tuning: null);
}
