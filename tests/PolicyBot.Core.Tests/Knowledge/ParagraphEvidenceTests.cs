using PolicyBot.Core.Knowledge.Retrieval;

namespace PolicyBot.Core.Tests.Knowledge;

public sealed class ParagraphEvidenceTests
{
    [Fact]
    public void Example_questions_outweigh_the_paragraph_s_own_text_when_a_position_has_them()
    {
        var closeExample = Evidence(sentence: 0.3, paragraph: 0.3, position: 0.4) with { QuestionSimilarity = 0.8, HasExampleQuestions = true };
        var closeText = Evidence(sentence: 0.6, paragraph: 0.6, position: 0.4) with { QuestionSimilarity = 0.5, HasExampleQuestions = true };

        Assert.True(closeExample.Semantic > closeText.Semantic);
    }

    [Fact]
    public void Without_example_questions_the_other_views_share_their_weight()
    {
        var evidence = Evidence(sentence: 0.8, paragraph: 0.4, position: 0.6);

        Assert.Equal((0.25 * 0.8) + (0.25 * 0.4) + (0.5 * 0.6), evidence.Semantic, 10);
    }

    [Fact]
    public void A_position_with_examples_that_all_score_zero_keeps_the_example_weighting()
    {
        var evidence = Evidence(sentence: 0.8, paragraph: 0.4, position: 0.6) with { HasExampleQuestions = true };

        Assert.Equal((0.125 * 0.8) + (0.125 * 0.4) + (0.25 * 0.6), evidence.Semantic, 10);
    }

    private static ParagraphEvidence Evidence(double sentence, double paragraph, double position) =>
        new(1, null, sentence, paragraph, position, SentenceLexical: 0, ParagraphLexical: 0, PositionLexical: 0);
}
