using System.Text.RegularExpressions;

namespace PolicyBot.Core.Knowledge.Conversations;

/// <summary>The shapes of follow-up question <see cref="FollowUpReader"/> recognises.</summary>
public enum FollowUpKind
{
    /// <summary>A question that stands on its own: asked as it is.</summary>
    None,

    /// <summary>"quote it", "show me the passage", "tell me more": the earlier answer's paragraphs in full.</summary>
    Quote,

    /// <summary>"who said that?", "whose view is that?": the holder of the earlier answer's passage.</summary>
    Who,

    /// <summary>"why?", "how come?": the reason the article gives, near the earlier answer.</summary>
    Why,

    /// <summary>"and what about the unions?": the earlier question, about something else.</summary>
    WhatAbout,

    /// <summary>"what did she say about taxes?", "is that true?": a question that leans on the earlier one.</summary>
    Leaning,
}

/// <summary>A question read for what it asks of the earlier one.</summary>
/// <param name="Topic">For <see cref="FollowUpKind.WhatAbout"/>: what the earlier question is now asked about.</param>
public readonly record struct FollowUpQuestion(FollowUpKind Kind, string? Topic = null);

/// <summary>
/// Recognises follow-up questions by their shape alone, in general English: nothing here knows an article. What a
/// follow-up means is worked out with the earlier answer by <see cref="ConversationalAnswerer"/>.
/// </summary>
public static partial class FollowUpReader
{
    private const int ShortQuestionWords = 7;

    public static FollowUpQuestion Read(string question)
    {
        var text = Trailing().Replace(Spaces().Replace(question.Trim(), " "), string.Empty);
        if (text.Length == 0)
        {
            return new(FollowUpKind.None);
        }

        if (QuoteShape().IsMatch(text))
        {
            return new(FollowUpKind.Quote);
        }

        if (WhoShape().IsMatch(text))
        {
            return new(FollowUpKind.Who);
        }

        if (WhyShape().IsMatch(text))
        {
            return new(FollowUpKind.Why);
        }

        if (WhatAboutShape().Match(text) is { Success: true } about)
        {
            return new(FollowUpKind.WhatAbout, about.Groups["topic"].Value.Trim());
        }

        var words = text.Split(' ').Length;
        return PersonPronoun().IsMatch(text) || (words <= ShortQuestionWords && ThingPronoun().IsMatch(text))
            ? new(FollowUpKind.Leaning)
            : new(FollowUpKind.None);
    }

    /// <summary>
    /// The earlier question asked about <paramref name="topic"/> instead: the name it asked about (its last run of
    /// capitalised words after the first) or what followed its last "about", replaced; null when neither is there.
    /// </summary>
    public static string? Substitute(string earlier, string topic)
    {
        var names = Names().Matches(earlier);
        if (names.Count > 0)
        {
            var last = names[^1].Groups["name"];
            return earlier[..last.Index] + topic + earlier[(last.Index + last.Length)..];
        }

        var about = earlier.LastIndexOf(" about ", StringComparison.OrdinalIgnoreCase);
        return about < 0 ? null : earlier[..(about + 7)] + topic + "?";
    }

    /// <summary>The question with "he", "she", "they" (and their other forms) naming <paramref name="holder"/>.</summary>
    public static string NamePeople(string question, string holder) =>
        PersonPronoun().Replace(question, m => m.Value.ToLowerInvariant() switch
        {
            "his" or "their" or "theirs" or "hers" => holder + "'s",
            _ => holder,
        });

    [GeneratedRegex(@"[\s?!.…]+$")]
    private static partial Regex Trailing();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(
        @"^(?:(?:ok(?:ay)?|so|and|now|please|pls|can you|could you|would you)[, ]+)*(?:quote|cite|show|give|paste|read)(?: me| us)? (?:it|that|this|them|those|these|the (?:passage|paragraph|paragraphs|text|source|quote|line|lines|exact words|whole (?:paragraph|thing|passage)|full (?:paragraph|text|passage)))(?: (?:please|for me|in full|exactly|verbatim|word for word))*$"
        + @"|^(?:what are |what were )?(?:the )?exact words$|^(?:the )?(?:full|whole) (?:paragraph|passage|text|quote)$|^(?:source|sources|citation|context)(?: please)?$"
        + @"|^where does (?:it|the (?:article|author|piece|text)|he|she|they) say (?:that|so|this|it)$"
        + @"|^(?:(?:can you |could you |please )?tell me more|(?:and )?more|go on|say more|elaborate|(?:can you )?explain (?:that|this|it)|what else)(?: please)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuoteShape();

    [GeneratedRegex(
        @"^(?:(?:ok(?:ay)?|so|and|but)[, ]+)?(?:who(?:'s| is| was)? (?:said|says|saying|thinks|think|believes|believe|argues|argue|argued|claims|claim|claimed|wrote|holds|made|makes|arguing|claiming)(?: that| this| it| so)?(?: point| argument| claim| view)?|whose (?:view|opinion|point|argument|claim|idea|position|words) (?:is|are|was|were) (?:that|this|it|those|these)|says who|according to whom|who is that from|who(?:'s| is) that)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhoShape();

    [GeneratedRegex(
        @"^(?:(?:ok(?:ay)?|so|and|but|hmm|really)[, ]+)?(?:why|how come|why so|why is that|why not|why would (?:they|he|she|it|that be)|why does (?:he|she|they|the author|it) (?:think|say|believe|want|argue|claim) (?:that|so|this)|what(?:'s| is) the reason(?:ing)?(?: for that)?|for what reason|on what grounds|based on what|what for)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhyShape();

    [GeneratedRegex(
        @"^(?:(?:ok(?:ay)?|so|and|but)[, ]+)?(?:(?:and )?(?:what|how) about|and (?:what of|regarding)|what of) (?<topic>.{1,80})$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhatAboutShape();

    [GeneratedRegex(@"\b(?:he|she|they|him|her|them|his|their|theirs|hers)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PersonPronoun();

    [GeneratedRegex(@"\b(?:it|that|this|those|these|so)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThingPronoun();

    // A run of capitalised words that does not open the question: the name it is about ("Ottawa", "Jane Doe").
    [GeneratedRegex(@"(?<=\S\s+)(?<name>\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)")]
    private static partial Regex Names();
}
