using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// Configuration section <c>Knowledge:Answering</c>: every threshold of the answering stages in one place, validated
/// at start-up. The learned stages (ranker, answerability) carry their weights in the shipped model file; what is here
/// is how their output is used.
/// </summary>
public sealed class AnsweringOptions
{
    public const string SectionName = "Knowledge:Answering";

    /// <summary>
    /// Answerability stage: the bot declines when the model's probability that the article answers the question is
    /// below this. Higher declines more off-topic questions and more answerable ones.
    /// </summary>
    [Range(0.0, 1.0, ErrorMessage = "Knowledge:Answering:DeclineBelow must be between 0 and 1.")]
    public double DeclineBelow { get; set; } = 0.55;

    /// <summary>Citation stage: a second paragraph is cited when the ranker scores it within this margin of the first.</summary>
    [Range(0.0, 10.0, ErrorMessage = "Knowledge:Answering:SecondCitationMargin must be between 0 and 10.")]
    public double SecondCitationMargin { get; set; } = 0.25;

    /// <summary>Labelled-questions stage: only articles with a <c>&lt;slug&gt;.questions.jsonl</c> use it.</summary>
    [Required(ErrorMessage = "Knowledge:Answering:LabelledQuestions is required: the labelled-questions settings (see docs/ASK.md).")]
    public LabelledQuestionOptions LabelledQuestions { get; set; } = new();
}

/// <summary>
/// How the labelled questions nearest to a new one vote (<see cref="QuestionBank"/>). The defaults were chosen by
/// leaving each of the seed article's question sets out in turn, when plain MiniLM read the labelled questions and the
/// question. Read by the tuned model, as now, a <see cref="RepickSimilarity"/> of 0.75 or 0.85 moved the seed's
/// held-out questions by +0.1 and −0.3 points of right paragraphs, so the defaults stay (docs/ASK.md).
/// </summary>
public sealed class LabelledQuestionOptions
{
    /// <summary>How many of the nearest labelled questions vote.</summary>
    [Range(1, 100, ErrorMessage = "Knowledge:Answering:LabelledQuestions:Neighbours must be between 1 and 100.")]
    public int Neighbours { get; set; } = 10;

    /// <summary>
    /// A vote weighs similarity to this power, so a near-paraphrase outvotes loosely related questions (at 40, one
    /// labelled question at 0.91 outweighs eight at 0.81).
    /// </summary>
    [Range(1.0, 100.0, ErrorMessage = "Knowledge:Answering:LabelledQuestions:Sharpness must be between 1 and 100.")]
    public double Sharpness { get; set; } = 40;

    /// <summary>A labelled question this close to one being evaluated is a copy of it and is held out with it.</summary>
    [Range(0.5, 1.0, ErrorMessage = "Knowledge:Answering:LabelledQuestions:CopySimilarity must be between 0.5 and 1.")]
    public double CopySimilarity { get; set; } = 0.97;

    /// <summary>The nearest labelled question must be this close before the vote may cite another paragraph.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Knowledge:Answering:LabelledQuestions:RepickSimilarity must be between 0 and 1.")]
    public double RepickSimilarity { get; set; } = 0.8;

    /// <summary>Below this, one labelled question alone cannot move the answer: <see cref="MinCloseBackers"/> must agree.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Knowledge:Answering:LabelledQuestions:LoneRepickSimilarity must be between 0 and 1.")]
    public double LoneRepickSimilarity { get; set; } = 0.9;

    /// <summary>How many labelled questions at <see cref="CloseBackerSimilarity"/> or closer must back a re-pick below <see cref="LoneRepickSimilarity"/>.</summary>
    [Range(1, 10, ErrorMessage = "Knowledge:Answering:LabelledQuestions:MinCloseBackers must be between 1 and 10.")]
    public int MinCloseBackers { get; set; } = 2;

    [Range(0.0, 1.0, ErrorMessage = "Knowledge:Answering:LabelledQuestions:CloseBackerSimilarity must be between 0 and 1.")]
    public double CloseBackerSimilarity { get; set; } = 0.75;

    /// <summary>The nearest must be this close, and <see cref="DecisiveShare"/> of the weight behind a decline, to decline.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Knowledge:Answering:LabelledQuestions:DeclineSimilarity must be between 0 and 1.")]
    public double DeclineSimilarity { get; set; } = 0.85;

    /// <summary>The share of the weight a paragraph needs for a re-pick (and that keeps the first pick when it backs it).</summary>
    [Range(0.0, 1.0, ErrorMessage = "Knowledge:Answering:LabelledQuestions:MajorityShare must be between 0 and 1.")]
    public double MajorityShare { get; set; } = 0.7;

    /// <summary>The share of the weight a decline needs (with <see cref="DeclineSimilarity"/>) to decline.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Knowledge:Answering:LabelledQuestions:DecisiveShare must be between 0 and 1.")]
    public double DecisiveShare { get; set; } = 0.8;
}
