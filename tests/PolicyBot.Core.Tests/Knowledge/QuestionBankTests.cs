using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Answering;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>The nearest labelled questions' vote, on vectors placed at chosen similarities to the question.</summary>
public sealed class QuestionBankTests
{
    private static readonly float[] Question = [1, 0];
    private static readonly LabelledQuestionOptions Options = new();

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
        // Twenty loose matches for ¶3 would outweigh ten slightly closer ones for ¶2 (20 × 0.79^40 > 10 × 0.8^40); only
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
        // ¶4 alone and ¶4 with ¶6: both can be answered from ¶4, so ¶4 has all the weight (splitting the second
        // question's weight would leave ¶4 three quarters and ¶6 one quarter).
        var agreeing = Bank((0.9, [4]), (0.9, [4, 6])).Vote(Question)!;

        Assert.Equal((4, 1.0), (agreeing.Paragraph, Math.Round(agreeing.ParagraphShare, 6)));
        Assert.Equal(0.5, agreeing.ShareOf(6), 6);
        Assert.Equal(0, agreeing.ShareOf(5));
    }

    [Fact]
    public void A_paragraph_listed_twice_in_a_label_counts_once()
    {
        var vote = Bank((0.9, [4, 4]), (0.9, [5])).Vote(Question)!;

        Assert.Equal([4], new LabelledQuestion("q", [4, 4]).Paragraphs.ToArray());
        Assert.Equal(0.5, vote.ShareOf(4), 6);
    }

    [Fact]
    public void The_vote_does_not_move_an_answer_to_another_paragraph_it_backs_no_more_strongly()
    {
        // Labelled ¶5 and ¶6: the rules' ¶6 stands, though the tie names ¶5; a rules' pick the vote does not back moves.
        var both = Bank((0.95, [5, 6]), (0.9, [5, 6])).Vote(Question)!;

        Assert.Equal((5, 1.0, 1.0), (both.Paragraph, Math.Round(both.ParagraphShare, 6), Math.Round(both.ShareOf(6), 6)));
        Assert.Null(both.ParagraphToCiteInstead(6));
        Assert.Null(both.ParagraphToCiteInstead(5));
        Assert.Equal(5, both.ParagraphToCiteInstead(4));
    }

    [Fact]
    public void Held_out_questions_and_their_copies_do_not_vote_and_an_empty_bank_has_no_vote()
    {
        var labelled = new[] { new LabelledQuestion("same", [2]), new LabelledQuestion("copy", [4]), new LabelledQuestion("other", [3]) };
        float[][] vectors = [At(0.99), At(0.98), At(0.8)];
        // The measured question sits where "same" is; "copy" is 0.998 from it, "other" 0.88.
        var bank = new QuestionBank(labelled, vectors, Options, heldOut: [At(0.99)]);

        Assert.Equal(1, bank.Count);
        Assert.Equal(3, bank.Vote(Question)!.Paragraph);
        Assert.Equal(3, new QuestionBank(labelled, vectors, Options).Count);
        Assert.Null(QuestionBank.Empty.Vote(Question));
        Assert.Throws<ArgumentException>(() => new QuestionBank(labelled, [At(0.9)], Options));
    }

    [Theory]
    // nearest, paragraph share, decline share, close backers -> cite instead of ¶1, decline
    [InlineData(0.95, 0.75, 0.0, 1, 2, false)]
    [InlineData(0.95, 0.85, 0.0, 1, 2, false)]
    [InlineData(0.95, 0.69, 0.0, 3, null, false)]
    [InlineData(0.95, 0.7, 0.0, 3, 2, false)]
    [InlineData(0.69, 1.0, 0.0, 0, null, false)]
    [InlineData(0.9, 0.1, 0.85, 0, null, true)]
    [InlineData(0.84, 0.1, 0.9, 0, null, false)]
    [InlineData(0.9, 0.2, 0.75, 0, null, false)]
    [InlineData(0.8, 0.7, 0.0, 2, 2, false)]
    [InlineData(0.89, 0.9, 0.0, 1, null, false)]
    [InlineData(0.9, 0.9, 0.0, 1, 2, false)]
    [InlineData(0.79, 0.9, 0.0, 5, null, false)]
    [InlineData(0.7, 0.8, 0.0, 0, null, false)]
    [InlineData(0.85, 0.0, 0.8, 0, null, true)]
    public void A_vote_counts_only_when_it_is_close_and_clear(double nearest, double paragraphShare, double declineShare, int closeBackers, int? cite, bool decline)
    {
        var vote = new BankVote(2, paragraphShare, declineShare, nearest, closeBackers, Options);

        Assert.Equal((cite, decline), (vote.ParagraphToCiteInstead(1), vote.SaysDecline));
        Assert.Null(vote.ParagraphToCiteInstead(2)); // the rules' own pick is never a re-pick
    }

    [Fact]
    public void Below_0_9_one_close_labelled_question_alone_does_not_re_pick()
    {
        // "who wrote this" (¶10) once its copies are held out: "when was this written" (¶1, ¶2) is its only close
        // neighbour and carries nearly all the weight.
        var lone = Bank((0.85, [1, 2]), (0.72, [10]), (0.65, [10])).Vote(Question)!;
        var backed = Bank((0.85, [4]), (0.75, [4, 6]), (0.6, [5])).Vote(Question)!;
        // Only questions backing the voted paragraph, and only from 0.75, count.
        var otherParagraph = Bank((0.85, [4]), (0.76, [5])).Vote(Question)!;
        var tooFar = Bank((0.85, [4]), (0.74, [4])).Vote(Question)!;

        Assert.Equal((1, 1, (int?)null), (lone.Paragraph, lone.CloseBackers, lone.ParagraphToCiteInstead(10)));
        Assert.Equal((4, 2, (int?)4), (backed.Paragraph, backed.CloseBackers, backed.ParagraphToCiteInstead(5)));
        Assert.Equal((4, 1, (int?)null), (otherParagraph.Paragraph, otherParagraph.CloseBackers, otherParagraph.ParagraphToCiteInstead(5)));
        Assert.Equal((4, 1, (int?)null), (tooFar.Paragraph, tooFar.CloseBackers, tooFar.ParagraphToCiteInstead(5)));
    }

    [Fact]
    public void A_vote_with_only_declines_names_no_paragraph()
    {
        var vote = Bank((0.99, [])).Vote(Question)!;

        Assert.Equal((0, 1.0), (vote.Paragraph, vote.DeclineShare));
        Assert.Null(vote.ParagraphToCiteInstead(4));
        Assert.True(vote.SaysDecline);
    }

    private static QuestionBank Bank(params (double Similarity, int[] Paragraphs)[] questions) =>
        new([.. questions.Select((q, i) => new LabelledQuestion($"q{i}", [.. q.Paragraphs]))], [.. questions.Select(q => At(q.Similarity))], Options);

    // A unit vector at cosine similarity s to Question.
    private static float[] At(double s) => [(float)s, (float)Math.Sqrt(1 - (s * s))];
}
