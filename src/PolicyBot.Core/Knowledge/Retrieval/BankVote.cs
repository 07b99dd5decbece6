namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// What the labelled questions nearest to a new one say (<see cref="QuestionBank"/>): the paragraph most of their
/// weight cites, the share of the weight behind it, the share behind a decline, and how close the nearest one is.
/// </summary>
/// <param name="Paragraph">The paragraph with the most votes; 0 when only declines voted.</param>
public sealed record BankVote(int Paragraph, double ParagraphShare, double DeclineShare, double NearestSimilarity)
{
    // Below this the nearest labelled question is about something else; the vote is ignored. The thresholds were
    // chosen by leaving each question set out in turn (docs/PERFORMANCE.md): re-picking a paragraph needs a majority,
    // overturning the rules' answer-or-decline a large one. Declining an answered question also needs a near-paraphrase:
    // with looser neighbours ("Who runs Defense Priorities?" for "What is Defense Priorities?") it lost as many
    // answers as it fixed.
    private const double RelevantSimilarity = 0.7;
    private const double DeclineSimilarity = 0.85;
    private const double MajorityShare = 0.6;
    private const double DecisiveShare = 0.8;

    private bool Relevant => NearestSimilarity >= RelevantSimilarity;

    /// <summary>The nearest questions were declined: so is this one, whatever the rules found.</summary>
    public bool SaysDecline => NearestSimilarity >= DeclineSimilarity && DeclineShare >= DecisiveShare;

    /// <summary>The paragraph an answer should cite instead of the rules' pick, if the vote agrees on one.</summary>
    public int? ParagraphToCite => Relevant && Paragraph > 0 && ParagraphShare >= MajorityShare ? Paragraph : null;

    /// <summary>The paragraph to answer from even when the rules would decline, if the vote is decisive.</summary>
    public int? ParagraphToAnswerFrom => Relevant && Paragraph > 0 && ParagraphShare >= DecisiveShare ? Paragraph : null;
}
