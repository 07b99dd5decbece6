using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Embedding;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>
/// The real pipeline and models on a small article: a close paraphrase of a labelled question is answered like it,
/// even against the ranker's own pick; unrelated questions, and held-out labelled ones, are left to the other stages.
/// </summary>
public sealed class LabelledQuestionAnswerTests
{
    private const string Safer = "Do protected bike lanes make cycling safer?";
    private const string SaferLabelled = "Are protected bike lanes making cycling safer?";
    private const string Sales = "Did sales go up on the streets with lanes?";
    private const string SalesLabelled = "Did sales go up on streets that got lanes?";
    private const string Unrelated = "When will the council vote on the budget?";

    [Fact]
    public async Task A_close_paraphrase_is_answered_like_its_labelled_question_and_others_are_left_alone()
    {
        var plain = Pipeline(BikesArticle.Library(questions: null));
        var plainSafer = await plain.AnswerAsync(Safer, null, CancellationToken.None);
        var plainSales = await plain.AnswerAsync(Sales, null, CancellationToken.None);
        var plainUnrelated = await plain.AnswerAsync(Unrelated, null, CancellationToken.None);
        Assert.False(plainSafer.Declined || plainSales.Declined || plainUnrelated.Declined); // the premise: all three are answered

        // Label the paraphrase with a paragraph the ranker did not pick, and the other one as not covered.
        var relabelled = (plainSafer.Citations[0].Paragraph % 3) + 1;
        var labelled = Pipeline(BikesArticle.Library($$"""
            {"question": "{{SaferLabelled}}", "paragraphs": [{{relabelled}}]}
            {"question": "{{SalesLabelled}}", "paragraphs": []}
            """));

        var safer = await labelled.AnswerAsync(Safer, null, CancellationToken.None);
        var sales = await labelled.AnswerAsync(Sales, null, CancellationToken.None);
        var unrelated = await labelled.AnswerAsync(Unrelated, null, CancellationToken.None);

        Assert.Equal([relabelled], safer.Citations.Select(c => c.Paragraph)); // not also the paragraph the vote overruled
        Assert.Contains(safer.Citations[0].Quote, BikesArticle.Paragraph(relabelled), StringComparison.Ordinal);
        Assert.Equal("answered like the closest labelled questions", safer.Signals.Reason);
        Assert.True(sales.Declined, sales.Signals.Reason);
        Assert.StartsWith("The article doesn't address that.", sales.Text, StringComparison.Ordinal);
        Assert.Equal(plainUnrelated.Citations[0].Paragraph, unrelated.Citations[0].Paragraph);
        Assert.Equal("answered", unrelated.Signals.Reason);
    }

    [Fact]
    public async Task Held_out_labelled_questions_no_longer_decide_the_answer()
    {
        var plain = await Pipeline(BikesArticle.Library(questions: null)).AnswerAsync(SaferLabelled, null, CancellationToken.None);
        var wrong = (plain.Citations[0].Paragraph % 3) + 1;
        var library = BikesArticle.Library($$"""{"question": "{{SaferLabelled}}", "paragraphs": [{{wrong}}]}""");

        var told = await Pipeline(library).AnswerAsync(SaferLabelled, null, CancellationToken.None);
        var heldOut = await Pipeline(library, [SaferLabelled]).AnswerAsync(SaferLabelled, null, CancellationToken.None);
        var copyHeldOut = await Pipeline(library, ["are protected bike-lanes making cycling safer"]).AnswerAsync(SaferLabelled, null, CancellationToken.None);

        Assert.Equal(wrong, told.Citations[0].Paragraph);
        Assert.Equal(plain.Citations[0].Paragraph, heldOut.Citations[0].Paragraph);
        Assert.Equal(plain.Citations[0].Paragraph, copyHeldOut.Citations[0].Paragraph); // a copy in other case and punctuation
    }

    // The bike article is asked about in words close to its own, so every stage answers; the labelled questions then decide.
    private static AnswerPipeline Pipeline(ArticleLibrary library, IReadOnlyList<string>? heldOut = null)
    {
        var options = new AnsweringOptions { DeclineBelow = 0 };
        var indexes = heldOut is null
            ? TestArticles.Indexes()
            : ArticleIndexes.ForEvaluation(TestArticles.Encoders, EmbeddingCache.None, options, heldOut);
        return new AnswerPipeline(new FixedArticles(library), indexes, AnswerModels.Shipped, options);
    }
}
