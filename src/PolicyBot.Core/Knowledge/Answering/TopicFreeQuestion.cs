using System.Collections.Frozen;
using PolicyBot.Core.Knowledge.Text;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>A question that names no topic: only words of one kind of request, framing and function words.</summary>
public static class TopicFreeQuestion
{
    /// <summary>True when <paramref name="question"/> holds a cue and nothing but cues, function, framing and neutral words.</summary>
    public static bool Matches(string question, FrozenSet<string> cues, FrozenSet<string> neutral)
    {
        var cue = false;
        foreach (var token in TextAnalyzer.Tokens(question))
        {
            if (cues.Contains(token.Surface))
            {
                cue = true;
            }
            else if (!TextAnalyzer.IsStopWord(token) && !StopWords.QuestionFraming.Contains(token.Surface) && !neutral.Contains(token.Surface))
            {
                return false;
            }
        }

        return cue;
    }
}
