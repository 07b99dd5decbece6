using System.Collections.Immutable;

namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// What the labelled questions nearest to a new one say (<see cref="QuestionBank"/>): the paragraph backed by the most
/// weight, the share of the weight behind it, the share behind a decline, and how close the nearest one is.
/// </summary>
/// <param name="Paragraph">The paragraph backed by the most weight, the lowest-numbered on a tie; 0 when only declines voted.</param>
/// <param name="ParagraphShare">The share of the weight of the labelled questions citable from that paragraph.</param>
/// <param name="CloseBackers">How many of the nearest labelled questions at <see cref="CloseBackerSimilarity"/> or closer back <paramref name="Paragraph"/>.</param>
public sealed record BankVote(int Paragraph, double ParagraphShare, double DeclineShare, double NearestSimilarity, int CloseBackers)
{
    // How close the nearest labelled question must be, and how much of the weight must agree. Chosen by leaving each
    // question set out in turn and binning by the nearest one's similarity (docs/PERFORMANCE.md):
    // - citing another paragraph than the rules gained from 0.8 up and lost or broke even below it. At 0.8 to 0.85
    //   MiniLM still confuses who acts: "What can the United States offer North Korea?" (¶5) sits 0.81 from "What
    //   should North Korea give in exchange?" (¶6), and 60 % of its weight went to ¶6. Hence 70 %;
    // - declining what the rules answer gained only from 0.85 up: "Who runs Defense Priorities?" sits close to "What
    //   is Defense Priorities?";
    // - answering a question the rules declined gained at 0.6 to 0.75 and broke even above: the rules decline weak
    //   matches, and a decisive vote of labelled questions shows the article does cover the point;
    // - below 0.9, one labelled question alone does not re-pick: "who wrote this" (¶10) sat 0.85 from "when was this
    //   written" (¶1, ¶2), its only close neighbour once its copies were held out. At least two must back the paragraph.
    private const double RepickSimilarity = 0.8;
    private const double LoneRepickSimilarity = 0.9;
    private const int MinCloseBackers = 2;
    private const double DeclineSimilarity = 0.85;
    private const double RescueSimilarity = 0.7;
    private const double MajorityShare = 0.7;
    private const double DecisiveShare = 0.8;

    /// <summary>How close a labelled question must be to count among <see cref="CloseBackers"/>.</summary>
    public const double CloseBackerSimilarity = 0.75;

    /// <summary>
    /// Every paragraph's share of the weight. A labelled question citable from several paragraphs backs each in full,
    /// so the shares of different paragraphs can add up to more than one.
    /// </summary>
    public IReadOnlyDictionary<int, double> Shares { get; init; } = ImmutableDictionary<int, double>.Empty;

    /// <summary>The share of the weight backing <paramref name="paragraph"/>.</summary>
    public double ShareOf(int paragraph) => paragraph == Paragraph ? ParagraphShare : Shares.GetValueOrDefault(paragraph);

    /// <summary>The nearest questions were declined: so is this one, whatever the rules found.</summary>
    public bool SaysDecline => NearestSimilarity >= DeclineSimilarity && DeclineShare >= DecisiveShare;

    /// <summary>
    /// The paragraph an answer should cite instead of the rules' pick, if the vote agrees on another one. Not when the
    /// vote backs the rules' pick as strongly: a question labelled ¶5 and ¶6 is answered by either.
    /// </summary>
    public int? ParagraphToCiteInstead(int rulesParagraph) =>
        NearestSimilarity >= RepickSimilarity && Paragraph > 0 && Paragraph != rulesParagraph
        && ParagraphShare >= MajorityShare && ShareOf(rulesParagraph) < MajorityShare
        && (NearestSimilarity >= LoneRepickSimilarity || CloseBackers >= MinCloseBackers) ? Paragraph : null;

    /// <summary>
    /// The paragraph to answer from even when the rules would decline, if the vote is decisive: of the paragraphs it
    /// backs decisively, the one the rules rank highest.
    /// </summary>
    /// <param name="rulesRanking">Every paragraph, best first by the rules' score.</param>
    public int? ParagraphToAnswerFrom(IEnumerable<int> rulesRanking) =>
        NearestSimilarity >= RescueSimilarity && ParagraphShare >= DecisiveShare
            ? rulesRanking.Where(p => p > 0 && ShareOf(p) >= DecisiveShare).Cast<int?>().FirstOrDefault()
            : null;
}
