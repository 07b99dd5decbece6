using System.Collections.Immutable;
using System.Globalization;

namespace PolicyBot.Core.Knowledge.Evaluation;

/// <summary>One evaluated question and what went wrong with it, if anything.</summary>
public sealed record EvalOutcome(EvalCase Case, Answer Answer, bool Correct, int FabricatedQuotes);

/// <summary>The figures the issue asks for: on-topic accuracy, off-topic decline rate, fabricated quotes.</summary>
public sealed record EvalReport(ImmutableArray<EvalOutcome> Outcomes)
{
    public const double AccuracyTarget = 0.95;
    public const double DeclineTarget = 0.95;

    public int OnTopic => Outcomes.Count(o => o.Case.OnTopic);

    public int OnTopicCorrect => Outcomes.Count(o => o.Case.OnTopic && o.Correct);

    public int OffTopic => Outcomes.Count(o => !o.Case.OnTopic);

    public int OffTopicDeclined => Outcomes.Count(o => !o.Case.OnTopic && o.Correct);

    public int FabricatedQuotes => Outcomes.Sum(o => o.FabricatedQuotes);

    public double OnTopicAccuracy => OnTopic == 0 ? 1 : (double)OnTopicCorrect / OnTopic;

    public double DeclineRate => OffTopic == 0 ? 1 : (double)OffTopicDeclined / OffTopic;

    public bool MeetsTargets => OnTopicAccuracy >= AccuracyTarget && DeclineRate >= DeclineTarget && FabricatedQuotes == 0;

    public string Summary(string label) => string.Create(
        CultureInfo.InvariantCulture,
        $"{label}: on-topic primary citation in expected paragraphs {OnTopicCorrect}/{OnTopic} ({OnTopicAccuracy:P1}); " +
        $"off-topic declined {OffTopicDeclined}/{OffTopic} ({DeclineRate:P1}); fabricated quotes {FabricatedQuotes}");
}
