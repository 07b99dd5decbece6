using System.Text;
using PolicyBot.Core.Knowledge.Answering;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>The exported trees are evaluated as ML.NET trained them, and models for other features are refused.</summary>
public sealed class AnswerModelsTests
{
    // x0 <= 0.5 ? (x1 <= 2 ? leaf 0 : leaf 1) : leaf 2
    private static readonly RegressionTree Tree = new()
    {
        Feature = [0, 1],
        Threshold = [0.5, 2],
        Left = [1, ~0],
        Right = [~2, ~1],
        Leaf = [10, 20, 30],
    };

    [Theory]
    [InlineData(0.5, 2, 10)]
    [InlineData(0.5, 2.5, 20)]
    [InlineData(0.6, 0, 30)]
    public void A_tree_sends_a_row_left_when_the_feature_is_at_most_the_threshold(double x0, double x1, double leaf) =>
        Assert.Equal(leaf, Tree.Evaluate([x0, x1]));

    [Fact]
    public void An_ensemble_adds_its_weighted_trees_to_its_bias_and_calibrates_like_platt()
    {
        var ensemble = new TreeEnsemble { Bias = 1, Trees = [Tree, new RegressionTree { Weight = 0.5, Feature = [], Threshold = [], Left = [], Right = [], Leaf = [4] }], PlattSlope = -1, PlattOffset = 0 };

        Assert.Equal(1 + 10 + 2, ensemble.Score([0, 0]));
        Assert.Equal(1 / (1 + Math.Exp(-13)), ensemble.Probability([0, 0]), 9);
        Assert.Throws<InvalidOperationException>(() => new TreeEnsemble { Trees = [Tree] }.Probability([0, 0]));
    }

    [Fact]
    public void The_shipped_models_load_and_were_trained_on_today_s_features()
    {
        var models = AnswerModels.Shipped;

        Assert.Equal(AnswerFeatures.ParagraphNames, models.ParagraphFeatures);
        Assert.Equal(AnswerFeatures.AnswerabilityNames, models.AnswerabilityFeatures);
        Assert.NotEmpty(models.Ranker.Trees);
        Assert.NotNull(models.Answerability.PlattSlope);
        Assert.Contains("articles", models.TrainedOn, StringComparison.Ordinal);
    }

    [Fact]
    public void Models_trained_on_other_features_are_refused_with_what_to_do()
    {
        using var shipped = new MemoryStream();
        AnswerModels.Shipped.Save(shipped);
        var json = Encoding.UTF8.GetString(shipped.ToArray()).Replace("\"lexical.bm25\"", "\"lexical.something-else\"", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => AnswerModels.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains("train-answerer", error.Message, StringComparison.Ordinal);
        Assert.Contains("lexical.something-else", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_feature_row_has_as_many_values_as_names()
    {
        var evidence = await TestArticles.Pipeline(new PolicyBot.Core.Knowledge.ArticleLibrary([BikesArticle.Read()]))
            .ExamineAsync("Do bike lanes help shops?", BikesArticle.Read(), CancellationToken.None);

        Assert.All(AnswerFeatures.Paragraphs(evidence, AnswerStages.All), row => Assert.Equal(AnswerFeatures.ParagraphNames.Length, row.Length));
        Assert.Equal(AnswerFeatures.AnswerabilityNames.Length, AnswerFeatures.Answerability(evidence, AnswerStages.All, 1, 1, 1).Length);
        Assert.All(AnswerFeatures.Paragraphs(evidence, AnswerStages.None), row => Assert.All(row.SkipLast(2), v => Assert.Equal(0, v)));
    }
}
