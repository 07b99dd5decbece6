using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Retrieval;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>The nearest labelled questions' vote, on vectors placed at chosen similarities to the question.</summary>
public sealed class QuestionBankTests
{
    private static readonly float[] Question = [1, 0];

    [Fact]
    public void The_nearest_questions_vote_for_the_paragraph_they_cite()
    {
        var bank = Bank((0.97, [2]), (0.93, [2]), (0.5, [3]));

        var vote = bank.Vote(Question)!;

        Assert.Equal(2, vote.Paragraph);
        Assert.True(vote.ParagraphShare > 0.99, vote.ToString());
        Assert.Equal(0, vote.DeclineShare);
        Assert.Equal(0.97, vote.NearestSimilarity, 3);
    }

    [Fact]
    public void A_near_paraphrase_outvotes_several_loose_matches()
    {
        var bank = Bank((0.95, [4]), (0.75, [3]), (0.75, [3]), (0.75, [3]), (0.75, [3]), (0.75, [3]));

        var vote = bank.Vote(Question)!;

        Assert.Equal(4, vote.Paragraph);
        Assert.True(vote.ParagraphShare > 0.9, vote.ToString());
    }

    [Fact]
    public void Only_the_ten_nearest_vote()
    {
        // Twenty loose matches for ¶3 would outweigh ten slightly closer ones for ¶2 (20 × 0.79^20 > 10 × 0.8^20); only
        // the ten nearest count.
        var near = Enumerable.Repeat((0.8, new[] { 2 }), 10);
        var far = Enumerable.Repeat((0.79, new[] { 3 }), 20);

        var vote = Bank([.. near, .. far]).Vote(Question)!;

        Assert.Equal((2, 1.0), (vote.Paragraph, Math.Round(vote.ParagraphShare, 6)));
    }

    [Fact]
    public void Declined_questions_vote_for_a_decline()
    {
        var vote = Bank((0.9, []), (0.9, []), (0.9, [2])).Vote(Question)!;

        Assert.Equal(2.0 / 3, vote.DeclineShare, 6);
        Assert.Equal(1.0 / 3, vote.ParagraphShare, 6);
    }

    [Fact]
    public void A_question_citable_from_several_paragraphs_backs_each_of_them_in_full()
    {
        // One writer labelled "what is unrealistic?" ¶4, another ¶4 and ¶6, a third ¶6: all three back ¶4 or ¶6, and
        // the two that back ¶4 carry two thirds of the weight. Splitting the second one's weight would leave ¶4 half.
        var agreeing = Bank((0.9, [4]), (0.9, [4, 6]), (0.9, [6])).Vote(Question)!;
        var shared = Bank((0.9, [2, 3])).Vote(Question)!;

        Assert.Equal((4, 0.666667), (agreeing.Paragraph, Math.Round(agreeing.ParagraphShare, 6)));
        Assert.Equal((2, 1.0), (shared.Paragraph, Math.Round(shared.ParagraphShare, 6))); // a tie goes to the earlier paragraph
        Assert.Equal(2, Bank((0.9, [2, 3]), (0.9, [2])).Vote(Question)!.Paragraph);
    }

    [Fact]
    public void Held_out_questions_and_their_copies_do_not_vote_and_an_empty_bank_has_no_vote()
    {
        var labelled = new[] { new LabelledQuestion("same", [2]), new LabelledQuestion("copy", [4]), new LabelledQuestion("other", [3]) };
        float[][] vectors = [At(0.99), At(0.98), At(0.8)];
        // The measured question sits where "same" is; "copy" is 0.998 from it, "other" 0.88.
        var bank = new QuestionBank(labelled, vectors, heldOut: [At(0.99)]);

        Assert.Equal(1, bank.Count);
        Assert.Equal(3, bank.Vote(Question)!.Paragraph);
        Assert.Equal(3, new QuestionBank(labelled, vectors).Count);
        Assert.Null(QuestionBank.Empty.Vote(Question));
        Assert.Throws<ArgumentException>(() => new QuestionBank(labelled, [At(0.9)]));
    }

    [Theory]
    // nearest, paragraph share, decline share, close backers -> cite instead, answer even if declined, decline
    [InlineData(0.95, 0.75, 0.0, 1, 2, null, false)]
    [InlineData(0.95, 0.85, 0.0, 1, 2, 2, false)]
    [InlineData(0.95, 0.65, 0.0, 3, null, null, false)]
    [InlineData(0.69, 1.0, 0.0, 0, null, null, false)]
    [InlineData(0.9, 0.1, 0.85, 0, null, null, true)]
    [InlineData(0.84, 0.1, 0.9, 0, null, null, false)]
    [InlineData(0.9, 0.2, 0.75, 0, null, null, false)]
    [InlineData(0.8, 0.7, 0.0, 2, 2, null, false)]
    [InlineData(0.89, 0.9, 0.0, 1, null, 2, false)]
    [InlineData(0.9, 0.9, 0.0, 1, 2, 2, false)]
    [InlineData(0.79, 0.9, 0.0, 5, null, 2, false)]
    [InlineData(0.7, 0.8, 0.0, 0, null, 2, false)]
    [InlineData(0.85, 0.0, 0.8, 0, null, null, true)]
    public void A_vote_counts_only_when_it_is_close_and_clear(double nearest, double paragraphShare, double declineShare, int closeBackers, int? cite, int? answerFrom, bool decline)
    {
        var vote = new BankVote(2, paragraphShare, declineShare, nearest) { CloseBackers = closeBackers };

        Assert.Equal((cite, answerFrom, decline), (vote.ParagraphToCite, vote.ParagraphToAnswerFrom, vote.SaysDecline));
    }

    [Fact]
    public void Below_a_near_copy_one_labelled_question_alone_does_not_re_pick()
    {
        // "who wrote this" (¶10) once its copies are held out: "when was this written" (¶1, ¶2) is its only close
        // neighbour and carries nearly all the weight.
        var lone = Bank((0.85, [1, 2]), (0.72, [10]), (0.65, [10])).Vote(Question)!;
        var backed = Bank((0.85, [4]), (0.76, [4, 6]), (0.6, [5])).Vote(Question)!;

        Assert.Equal((1, 1, (int?)null), (lone.Paragraph, lone.CloseBackers, lone.ParagraphToCite));
        Assert.Equal((4, 2, (int?)4), (backed.Paragraph, backed.CloseBackers, backed.ParagraphToCite));
    }

    [Fact]
    public void A_vote_with_only_declines_names_no_paragraph()
    {
        var vote = Bank((0.99, [])).Vote(Question)!;

        Assert.Equal((0, 1.0), (vote.Paragraph, vote.DeclineShare));
        Assert.Null(vote.ParagraphToCite);
        Assert.True(vote.SaysDecline);
    }

    private static QuestionBank Bank(params (double Similarity, int[] Paragraphs)[] questions) =>
        new([.. questions.Select((q, i) => new LabelledQuestion($"q{i}", [.. q.Paragraphs]))], [.. questions.Select(q => At(q.Similarity))]);

    // A unit vector at cosine similarity s to Question.
    private static float[] At(double s) => [(float)s, (float)Math.Sqrt(1 - (s * s))];
}
