using System.Collections.Frozen;

namespace PolicyBot.Core.Knowledge.Text;

/// <summary>How people abbreviate everyday words in chat ("ppl", "govt", "u"): spelled out before a question is read.</summary>
public static class ChatShorthand
{
    private static readonly FrozenDictionary<string, string> Expansions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["u"] = "you", ["ur"] = "your", ["r"] = "are", ["ppl"] = "people", ["govt"] = "government", ["gvt"] = "government",
        ["gov't"] = "government", ["yrs"] = "years", ["yr"] = "year", ["bc"] = "because", ["cuz"] = "because", ["coz"] = "because",
        ["abt"] = "about", ["bout"] = "about", ["dems"] = "Democrats", ["repubs"] = "Republicans", ["econ"] = "economy",
        ["admin"] = "administration", ["prez"] = "president", ["thru"] = "through", ["tho"] = "though", ["wat"] = "what",
        ["wut"] = "what", ["whats"] = "what is", ["hows"] = "how is", ["whos"] = "who is", ["wheres"] = "where is",
        ["dont"] = "do not", ["doesnt"] = "does not", ["isnt"] = "is not", ["cant"] = "cannot", ["wont"] = "will not",
        ["didnt"] = "did not", ["shud"] = "should", ["shld"] = "should", ["wanna"] = "want to", ["gonna"] = "going to",
        ["b4"] = "before", ["info"] = "information", ["approx"] = "approximately", ["dept"] = "department",
        ["intl"] = "international", ["natl"] = "national", ["w/"] = "with", ["w/o"] = "without", ["pls"] = "please",
        ["plz"] = "please", ["rn"] = "right now", ["atm"] = "at the moment", ["tbh"] = string.Empty, ["ngl"] = string.Empty,
        ["imo"] = string.Empty, ["imho"] = string.Empty, ["tldr"] = string.Empty, ["tl;dr"] = string.Empty, ["lol"] = string.Empty,
        ["btw"] = string.Empty, ["idk"] = string.Empty, ["smth"] = "something", ["sth"] = "something", ["bn"] = "billion",
        ["mil"] = "million", ["k"] = "thousand", ["pct"] = "percent", ["vs"] = "versus", ["v"] = "versus",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The spelled-out form of a lower-case chat word, or null when it is no shorthand.</summary>
    public static string? Expand(string word) => Expansions.GetValueOrDefault(word);
}
