using System.Collections.Immutable;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// What the labelled questions nearest to a new one say (<see cref="QuestionBank"/>): the paragraph backed by the most
/// weight, the share of the weight behind it, the share behind a decline, and how close the nearest one is.
/// </summary>
/// <param name="Paragraph">The paragraph backed by the most weight, the lowest-numbered on a tie; 0 when only declines voted.</param>
/// <param name="ParagraphShare">The share of the weight of the labelled questions citable from that paragraph.</param>
/// <param name="CloseBackers">How many of the nearest labelled questions at <see cref="LabelledQuestionOptions.CloseBackerSimilarity"/> or closer back <paramref name="Paragraph"/>.</param>
public sealed record BankVote(int Paragraph, double ParagraphShare, double DeclineShare, double NearestSimilarity, int CloseBackers, LabelledQuestionOptions Options)
{
    /// <summary>
    /// Every paragraph's share of the weight. A labelled question citable from several paragraphs backs each in full,
    /// so the shares of different paragraphs can add up to more than one.
    /// </summary>
    public IReadOnlyDictionary<int, double> Shares { get; init; } = ImmutableDictionary<int, double>.Empty;

    /// <summary>The share of the weight backing <paramref name="paragraph"/>.</summary>
    public double ShareOf(int paragraph) => paragraph == Paragraph ? ParagraphShare : Shares.GetValueOrDefault(paragraph);

    /// <summary>The nearest questions were declined: so is this one, whatever the other stages found.</summary>
    public bool SaysDecline => NearestSimilarity >= Options.DeclineSimilarity && DeclineShare >= Options.DecisiveShare;

    /// <summary>
    /// The paragraph an answer should cite instead of the ranker's pick, if the vote agrees on another one. Not when
    /// the vote backs the ranker's pick as strongly: a question labelled with two paragraphs is answered by either.
    /// </summary>
    public int? ParagraphToCiteInstead(int rankedFirst) =>
        NearestSimilarity >= Options.RepickSimilarity && Paragraph > 0 && Paragraph != rankedFirst
        && ParagraphShare >= Options.MajorityShare && ShareOf(rankedFirst) < Options.MajorityShare
        && (NearestSimilarity >= Options.LoneRepickSimilarity || CloseBackers >= Options.MinCloseBackers) ? Paragraph : null;
}
