using System.Text.RegularExpressions;

namespace PolicyBot.Core.Knowledge.Text;

/// <summary>
/// Whether a question reaches beyond what any article written before it can say: how things turned out ("did the
/// bill pass in the end?", "who won?") or how they stand now ("what is the rate right now?"). Plain English wording.
/// </summary>
public static partial class QuestionScope
{
    /// <summary>Asks how something turned out.</summary>
    public static bool AsksOutcome(string question) => Outcome().IsMatch(question);

    /// <summary>Asks how things stand today.</summary>
    public static bool AsksPresent(string question) => Present().IsMatch(question);

    [GeneratedRegex(@"\b(?:in the end|end(?:ed)? up|eventually|ultimately|since then|afterwards?|after (?:that|it|the piece|this was written)|turn(?:ed)? out|did (?:\w+ ){1,4}(?:win|lose|pass|fail|happen|get|succeed|survive|resign|approve|vote|rule|decide|agree|sign|make it)|who (?:won|lost)|was (?:\w+ ){0,3}(?:extended|passed|approved|confirmed|signed|overturned|struck down|upheld|lifted|renewed)|outcome|result(?:s|ed)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Outcome();

    [GeneratedRegex(@"\b(?:right now|now|currently|current|today|latest|nowadays|these days|at the moment|so far|as of|this week|still)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Present();
}
