namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// What the labelled questions nearest to a new one say (<see cref="QuestionBank"/>): the paragraph most of their
/// weight backs, the share of the weight behind it, the share behind a decline, and how close the nearest one is.
/// </summary>
/// <param name="Paragraph">The paragraph with the most votes; 0 when only declines voted.</param>
/// <param name="ParagraphShare">The share of the weight of the labelled questions citable from that paragraph.</param>
public sealed record BankVote(int Paragraph, double ParagraphShare, double DeclineShare, double NearestSimilarity)
{
    // How close the nearest labelled question must be, and how much of the weight must agree. Chosen by leaving each
    // question set out in turn and binning by the nearest one's similarity (docs/PERFORMANCE.md):
    // - citing another paragraph than the rules gained from 0.8 up and lost or broke even below it, where MiniLM
    //   confuses who acts ("What can the United States offer North Korea?" sits 0.81 from "What should North Korea
    //   give in exchange?", which is why 70 % of the weight must agree);
    // - declining what the rules answer gained only from 0.85 up: "Who runs Defense Priorities?" sits close to "What
    //   is Defense Priorities?";
    // - answering a question the rules declined gained at 0.6 to 0.75 and broke even above: the rules decline weak
    //   matches, and a decisive vote of labelled questions shows the article does cover the point;
    // - below 0.9, one labelled question alone does not re-pick: "who wrote this" (¶10) sat 0.85 from "when was this
    //   written" (¶1, ¶2), its only close neighbour once its copies were held out. At least two must back the paragraph.
    private const double RepickSimilarity = 0.8;
    private const double LoneBackerSimilarity = 0.9;
    private const int MinCloseBackers = 2;
    private const double DeclineSimilarity = 0.85;
    private const double RescueSimilarity = 0.7;
    private const double MajorityShare = 0.7;
    private const double DecisiveShare = 0.8;

    /// <summary>How close a labelled question must be to count among <see cref="CloseBackers"/>.</summary>
    public const double CloseBackerSimilarity = 0.75;

    /// <summary>How many of the nearest labelled questions at <see cref="CloseBackerSimilarity"/> or closer back <see cref="Paragraph"/>.</summary>
    public int CloseBackers { get; init; }

    /// <summary>The nearest questions were declined: so is this one, whatever the rules found.</summary>
    public bool SaysDecline => NearestSimilarity >= DeclineSimilarity && DeclineShare >= DecisiveShare;

    /// <summary>The paragraph an answer should cite instead of the rules' pick, if the vote agrees on one.</summary>
    public int? ParagraphToCite => NearestSimilarity >= RepickSimilarity && Paragraph > 0 && ParagraphShare >= MajorityShare
        && (NearestSimilarity >= LoneBackerSimilarity || CloseBackers >= MinCloseBackers) ? Paragraph : null;

    /// <summary>The paragraph to answer from even when the rules would decline, if the vote is decisive.</summary>
    public int? ParagraphToAnswerFrom => NearestSimilarity >= RescueSimilarity && Paragraph > 0 && ParagraphShare >= DecisiveShare ? Paragraph : null;
}
