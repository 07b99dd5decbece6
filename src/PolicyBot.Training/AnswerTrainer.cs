using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using PolicyBot.Core.Knowledge.Answering;

namespace PolicyBot.Training;

/// <summary>
/// Trains the two learned stages with ML.NET's FastTree (boosted regression trees) on questions labelled across many
/// articles, and exports them as plain <see cref="TreeEnsemble"/>s: a LambdaRank ranker over each question's paragraphs,
/// then a binary answerability model over the questions, with the ranker's choice as part of its input. An answerable
/// question whose paragraph the ranker got wrong teaches the answerability model nothing (answering or declining it is
/// equally wrong), so it is left out.
/// </summary>
public static class AnswerTrainer
{
    // Small trees, many of them, gently. Other sizes measured, on the two dozen real articles alone and again with the
    // written ones (half as many leaves, twice the trees at half the rate, 16 leaves), moved the figures by less than
    // their noise between runs; see docs/PERFORMANCE.md.
    private const int Leaves = 8;
    private const int RankerTrees = 200;
    private const double RankerLearningRate = 0.1;
    private const int AnswerabilityTrees = 200;
    private const double AnswerabilityLearningRate = 0.05;
    private const int MinimumExamplesPerLeaf = 10;
    private const int StackingFolds = 4;

    public static AnswerModels Train(IReadOnlyList<TrainingExample> examples, AnswerStages stages, bool usesRetrievalModel, string trainedOn, int seed = 1, IQuestionTuner? tuner = null)
    {
        var ml = new MLContext(seed);
        var articles = examples.Select(e => e.Evidence.Index.Article.Slug).Distinct().Order(StringComparer.Ordinal).ToArray();
        var folds = Math.Min(StackingFolds, articles.Length);

        // The models downstream learn from what an adapter makes of articles it was not trained on, as on a new article.
        ITunedQuestions? adapter = null;
        if (stages.HasFlag(AnswerStages.QuestionAdapter))
        {
            (adapter, examples) = TrainAdapter(tuner ?? QuestionTuners.Current, examples, articles, folds, seed);
        }

        var ranker = TrainRanker(ml, RankRows(examples, stages));

        // The answerability model learns from the ranker's output on articles that ranker was not trained on (stacking),
        // so its margins look as they will on a new article, not as they do on the ranker's own training questions.
        var outOfFold = new Dictionary<TrainingExample, TreeEnsemble>(ReferenceEqualityComparer.Instance);
        for (var fold = 0; fold < folds; fold++)
        {
            var held = HeldOut(articles, folds, fold);
            var foldRanker = folds < 2 ? ranker : TrainRanker(ml, RankRows([.. examples.Where(e => !held.Contains(e.Evidence.Index.Article.Slug))], stages));
            foreach (var example in examples.Where(e => held.Contains(e.Evidence.Index.Article.Slug)))
            {
                outOfFold[example] = foldRanker;
            }
        }

        var answerRows = new List<BinaryRow>();
        foreach (var example in examples)
        {
            var (top, score, margin) = Rank(outOfFold[example], example.Evidence, stages);
            if (example.Case.OnTopic && !example.Gold.Contains(top - 1))
            {
                continue;
            }

            answerRows.Add(new BinaryRow { Label = example.Case.OnTopic, Features = ToFloat(AnswerFeatures.Answerability(example.Evidence, stages, top, score, margin)) });
        }

        var answerability = TrainAnswerability(ml, answerRows);
        var models = new AnswerModels
        {
            TrainedOn = trainedOn,
            UsesRetrievalModel = usesRetrievalModel,
            ParagraphFeatures = AnswerFeatures.ParagraphNames,
            AnswerabilityFeatures = AnswerFeatures.AnswerabilityNames,
            Ranker = ranker,
            Answerability = answerability,
        };
        return adapter?.Into(models) ?? models;
    }

    /// <summary>Each example as read by a tuner trained on the other folds' articles, in order, and a tuner trained on all.</summary>
    private static (ITunedQuestions Adapter, IReadOnlyList<TrainingExample> Read) TrainAdapter(
        IQuestionTuner tuner, IReadOnlyList<TrainingExample> examples, string[] articles, int folds, int seed)
    {
        var adapter = tuner.Train(examples, seed);
        var read = examples.ToArray();
        for (var fold = 0; fold < folds; fold++)
        {
            var held = HeldOut(articles, folds, fold);
            var isHeld = examples.Select(e => held.Contains(e.Evidence.Index.Article.Slug)).ToArray();
            var inFold = Enumerable.Range(0, examples.Count).Where(i => isHeld[i]).ToArray();
            var foldAdapter = folds < 2 ? adapter : tuner.Train([.. examples.Where((_, i) => !isHeld[i])], seed);
            var reread = foldAdapter.Read([.. inFold.Select(i => examples[i])]);
            for (var k = 0; k < inFold.Length; k++)
            {
                read[inFold[k]] = reread[k];
            }
        }

        return (adapter, read);
    }

    /// <summary>The articles of stacking fold <paramref name="fold"/>: each article is held out of exactly one fold.</summary>
    private static HashSet<string> HeldOut(string[] articles, int folds, int fold) =>
        articles.Where((_, i) => i % folds == fold).ToHashSet(StringComparer.Ordinal);

    private static List<RankRow> RankRows(IEnumerable<TrainingExample> examples, AnswerStages stages) =>
        [.. examples.Where(e => e.Case.OnTopic).SelectMany((e, g) => AnswerFeatures.Paragraphs(e.Evidence, stages)
            .Select((row, p) => new RankRow { Group = (uint)g + 1, Label = e.Gold.Contains(p) ? 1 : 0, Features = ToFloat(row) }))];

    /// <summary>The paragraph the ranker puts first (1-based), its score and its lead over the second.</summary>
    public static (int Top, double Score, double Margin) Rank(TreeEnsemble ranker, QuestionEvidence evidence, AnswerStages stages)
    {
        var scores = AnswerFeatures.Paragraphs(evidence, stages).Select(r => ranker.Score(r)).ToArray();
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
        return (order[0] + 1, scores[order[0]], order.Length > 1 ? scores[order[0]] - scores[order[1]] : scores[order[0]]);
    }

    private static TreeEnsemble TrainRanker(MLContext ml, List<RankRow> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows, Schema<RankRow>(rows[0].Features.Length));
        var model = ml.Transforms.Conversion.MapValueToKey("GroupKey", nameof(RankRow.Group))
            .Append(ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
            {
                LabelColumnName = nameof(RankRow.Label),
                FeatureColumnName = nameof(RankRow.Features),
                RowGroupColumnName = "GroupKey",
                NumberOfLeaves = Leaves,
                NumberOfTrees = RankerTrees,
                LearningRate = RankerLearningRate,
                MinimumExampleCountPerLeaf = MinimumExamplesPerLeaf,
            }))
            .Fit(data);
        var exported = Export(model.LastTransformer.Model.TrainedTreeEnsemble, null, null);
        Verify(exported, model.Transform(data), rows.Select(r => r.Features), probability: false);
        return exported;
    }

    private static TreeEnsemble TrainAnswerability(MLContext ml, List<BinaryRow> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows, Schema<BinaryRow>(rows[0].Features.Length));
        var model = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(BinaryRow.Label),
            FeatureColumnName = nameof(BinaryRow.Features),
            NumberOfLeaves = Leaves,
            NumberOfTrees = AnswerabilityTrees,
            LearningRate = AnswerabilityLearningRate,
            MinimumExampleCountPerLeaf = MinimumExamplesPerLeaf,
        }).Fit(data);
        var calibrated = (CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>)model.Model;
        var exported = Export(calibrated.SubModel.TrainedTreeEnsemble, calibrated.Calibrator.Slope, calibrated.Calibrator.Offset);
        Verify(exported, model.Transform(data), rows.Select(r => r.Features), probability: true);
        return exported;
    }

    private static TreeEnsemble Export(RegressionTreeEnsemble ensemble, double? slope, double? offset) => new()
    {
        Bias = ensemble.Bias,
        PlattSlope = slope,
        PlattOffset = offset,
        Trees = [.. ensemble.Trees.Select((tree, t) => new Core.Knowledge.Answering.RegressionTree
        {
            Weight = ensemble.TreeWeights[t],
            Feature = [.. tree.NumericalSplitFeatureIndexes],
            Threshold = [.. tree.NumericalSplitThresholds.Select(v => (double)v)],
            Left = [.. tree.LeftChild],
            Right = [.. tree.RightChild],
            Leaf = [.. tree.LeafValues],
        })],
    };

    // The exported trees must reproduce ML.NET's own output on every training row, or the export is wrong.
    private static void Verify(TreeEnsemble exported, IDataView predictions, IEnumerable<float[]> features, bool probability)
    {
        var column = probability ? "Probability" : "Score";
        var expected = predictions.GetColumn<float>(column).ToArray();
        var i = 0;
        foreach (var row in features)
        {
            var values = row.Select(v => (double)v).ToArray();
            var actual = probability ? exported.Probability(values) : exported.Score(values);
            if (Math.Abs(actual - expected[i]) > 1e-3 * Math.Max(1, Math.Abs(expected[i])))
            {
                throw new InvalidOperationException($"The exported trees give {actual} where ML.NET gives {expected[i]} (row {i}, {column}).");
            }

            i++;
        }
    }

    private static float[] ToFloat(double[] row) => [.. row.Select(v => (float)v)];

    private static SchemaDefinition Schema<T>(int width)
    {
        var schema = SchemaDefinition.Create(typeof(T));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }

    private sealed class RankRow
    {
        public uint Group { get; set; }

        public float Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    private sealed class BinaryRow
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
