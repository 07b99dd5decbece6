namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// What the labelled questions nearest to a new one say (<see cref="QuestionBank"/>): the paragraph most of their
/// weight cites, the share of the weight behind it, the share behind a decline, and how close the nearest one is.
/// </summary>
/// <param name="Paragraph">The paragraph with the most votes; 0 when only declines voted.</param>
public sealed record BankVote(int Paragraph, double ParagraphShare, double DeclineShare, double NearestSimilarity)
{
    // How close the nearest labelled question must be, and how much of the weight must agree. Chosen by leaving each
    // question set out in turn and binning by the nearest one's similarity (docs/PERFORMANCE.md):
    // - overruling the rules (another paragraph, or a decline) gained from 0.85 up and lost or broke even below it,
    //   where MiniLM confuses who acts ("What can the United States offer North Korea?" sits 0.81 from "What should
    //   North Korea give in exchange?") and what is asked ("Who runs Defense Priorities?" for "What is it?");
    // - answering a question the rules declined gained at 0.6 to 0.75 and broke even above: the rules decline weak
    //   matches, and a decisive vote of labelled questions shows the article does cover the point.
    private const double OverruleSimilarity = 0.85;
    private const double RescueSimilarity = 0.7;
    private const double MajorityShare = 0.6;
    private const double DecisiveShare = 0.8;

    /// <summary>The nearest questions were declined: so is this one, whatever the rules found.</summary>
    public bool SaysDecline => NearestSimilarity >= OverruleSimilarity && DeclineShare >= DecisiveShare;

    /// <summary>The paragraph an answer should cite instead of the rules' pick, if the vote agrees on one.</summary>
    public int? ParagraphToCite => NearestSimilarity >= OverruleSimilarity && Paragraph > 0 && ParagraphShare >= MajorityShare ? Paragraph : null;

    /// <summary>The paragraph to answer from even when the rules would decline, if the vote is decisive.</summary>
    public int? ParagraphToAnswerFrom => NearestSimilarity >= RescueSimilarity && Paragraph > 0 && ParagraphShare >= DecisiveShare ? Paragraph : null;
}
