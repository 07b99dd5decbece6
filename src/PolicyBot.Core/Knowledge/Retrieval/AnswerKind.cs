using System.Text.RegularExpressions;

namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// What kind of fact a question wants. "When did the Korean War start?" shares every word with an article about war,
/// yet a paragraph holding no date cannot answer it; "how many warheads..." needs a number. Checking the answer's kind
/// catches off-topic questions that look on-topic word for word.
/// </summary>
public enum AnswerKind
{
    Any,
    Time,

    /// <summary>
    /// When something already happened ("when did they first meet?"): the passage must give a date, a month or a year.
    /// A span ("five more years", "for decades") answers "how long", not "when did".
    /// </summary>
    Date,
    Quantity,

    /// <summary>Where something is held, based or published: the passage must name a place ("at Defense Priorities").</summary>
    Place,

    /// <summary>Who leads or is named: the passage must hold a proper name the question does not already give.</summary>
    Name,

    /// <summary>
    /// The name of an outlet, agency or organisation ("what is the name of the state news agency?"): the passage must hold
    /// a proper name that is not a person's ("President Trump", "Kim Jong-un" do not answer it).
    /// </summary>
    Organization,

    /// <summary>How old someone is: the passage must state an age ("42 years old"), not just any number.</summary>
    Age,

    /// <summary>
    /// Where someone was born, grew up or studied, or their social-media account ("Where did Bonnie Kristian go to
    /// college?"): the passage must state such a fact. An author note names employers and outlets, not a life story.
    /// </summary>
    Biography,

    /// <summary>
    /// Someone's relatives ("who was Kim Jong-un's father?", "what does his sister do?"): the passage must speak of that
    /// relative. "Like a new father figure" is no father, but "Trump son-in-law" answers "who is Trump's son-in-law?".
    /// </summary>
    Family,

    /// <summary>
    /// What someone said or wrote in a particular speech, interview or piece ("what did Kim say in his New Year's
    /// speech?"): the passage must mention that kind of source. Reporting a warning is not quoting a speech.
    /// </summary>
    Statement,

    /// <summary>
    /// How something turned out ("did the talks actually happen?", "what came of them?"): the passage must report it as
    /// done. An opinion piece looks ahead; what happened after it was written is beyond it.
    /// </summary>
    Outcome,

    /// <summary>
    /// A request to write something ("write me a poem about Kim Jong-un"): no passage answers it; the bot quotes the
    /// article, it does not compose for it.
    /// </summary>
    Request,
}

/// <summary>Detects the <see cref="AnswerKind"/> a question asks for and whether a passage can supply it.</summary>
public static partial class AnswerKinds
{
    /// <param name="writtenIn">The year the article was written, if known: whether something happened later is beyond it.</param>
    public static AnswerKind Of(string question, int? writtenIn = null)
    {
        if (WritingRequest().IsMatch(question))
        {
            return AnswerKind.Request;
        }

        // "did kim actually cut ties with trump in 2020?" asks about a time after the piece was written; "what did
        // Pyongyang say would happen in 2020?" asks about a warning the piece reports.
        var afterWriting = writtenIn is { } year && PastTense().IsMatch(question) && !Hypothetical().IsMatch(question) && !Reported().IsMatch(question)
            && Years.NumbersIn(question).Any(y => y > year);
        if (afterWriting || OutcomeQuestion().IsMatch(question) || (AfterThePiece().IsMatch(question) && !Hypothetical().IsMatch(question)))
        {
            return AnswerKind.Outcome;
        }

        if (StatementQuestion().IsMatch(question))
        {
            return AnswerKind.Statement;
        }

        if (BiographyQuestion().IsMatch(question))
        {
            return AnswerKind.Biography;
        }

        if (FamilyQuestion().IsMatch(question))
        {
            return AnswerKind.Family;
        }

        if (TimeQuestion().IsMatch(question))
        {
            return PastTimeQuestion().IsMatch(question) ? AnswerKind.Date : AnswerKind.Time;
        }

        // "How did Kim come to power?" (when he did asks for a date, above); not "what if a hardliner came to power?".
        if (RiseToPower().IsMatch(question) && !Hypothetical().IsMatch(question))
        {
            return AnswerKind.Biography;
        }

        if (AgeQuestion().IsMatch(question))
        {
            return AnswerKind.Age;
        }

        if (QuantityQuestion().IsMatch(question))
        {
            return AnswerKind.Quantity;
        }

        if (PlaceQuestion().IsMatch(question))
        {
            return AnswerKind.Place;
        }

        if (OrganizationQuestion().IsMatch(question))
        {
            return AnswerKind.Organization;
        }

        return NameQuestion().IsMatch(question) ? AnswerKind.Name : AnswerKind.Any;
    }

    /// <summary>
    /// True when <paramref name="passage"/> holds something of <paramref name="kind"/>: a date or span, a number, a
    /// place, or a proper name that <paramref name="question"/> does not already contain.
    /// </summary>
    public static bool Supplies(AnswerKind kind, string passage, string question = "") => kind switch
    {
        AnswerKind.Time => TimeExpression().IsMatch(passage),
        AnswerKind.Date => Years.In(passage).Any() || DateExpression().IsMatch(passage),
        AnswerKind.Quantity => HoldsFigure(passage, question),
        AnswerKind.Place => PlaceExpression().IsMatch(passage),
        AnswerKind.Age => AgeExpression().IsMatch(passage),
        AnswerKind.Biography => BiographyExpression().IsMatch(passage),
        AnswerKind.Family => FamilyQuestion().Match(question) is { Success: true } asked
            && Regex.IsMatch(passage, $@"\b{asked.Groups["relative"].Value}\b(?!\s+figure|[-\s]in[-\s]law)", RegexOptions.IgnoreCase),
        AnswerKind.Name => HoldsNewName(passage, question),
        AnswerKind.Organization => HoldsOrganizationName(passage, question),
        AnswerKind.Outcome => OutcomeExpression().IsMatch(passage),
        AnswerKind.Request => false,
        AnswerKind.Statement => StatementQuestion().Match(question) is { Success: true } asked
            && Regex.IsMatch(passage, $@"\b{Regex.Escape(Singular(asked.Groups["source"].Value))}", RegexOptions.IgnoreCase),
        _ => true,
    };

    /// <summary>The reason given when no passage close enough to the question supplies what it asks for.</summary>
    public static string MissingReason(AnswerKind kind) => kind switch
    {
        AnswerKind.Time or AnswerKind.Date => "the article gives no date or time for that",
        AnswerKind.Quantity => "the article gives no figure for that",
        AnswerKind.Age => "the article gives no age",
        AnswerKind.Biography or AnswerKind.Family => "the article gives no such background detail",
        AnswerKind.Place => "the article names no place for that",
        AnswerKind.Outcome => "the article does not report how that turned out",
        AnswerKind.Request => "I answer questions about the article from its own words; I don't write new pieces",
        AnswerKind.Statement => "the article does not quote that",
        AnswerKind.Organization => "the article names no outlet or organisation for that",
        _ => "the article names no one for that",
    };

    // A name's own words, without the countries and titles around it ("South Korean President Moon Jae-in" names Moon
    // Jae-in; "South Korean official" names no one), none of them already in the question ("who advises Kim Jong-un?").
    private static bool HoldsNewName(string passage, string question)
    {
        var asked = NameWord().Matches(question).Select(m => m.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return ProperName().Matches(passage).Any(name => OwnWords(name.Value) is { Length: > 0 } own && !own.Any(asked.Contains));
    }

    // A number that is not a year ("if 2020 arrives" counts nothing). "How many times have they met?" asks how often
    // something happened: "five more years" is no answer to that, "met twice" is.
    private static bool HoldsFigure(string passage, string question) =>
        HowOften().IsMatch(question)
            ? Frequency().IsMatch(passage)
            : NumberExpression().Matches(passage).Any(m => !Years.IsYear(m.Value));

    [GeneratedRegex(@"\bhow\s+many\s+times\b|\bhow\s+often\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowOften();

    // "Twice", "three times", "several times"; not "the Los Angeles Times", "at times" nor "once talks resume".
    [GeneratedRegex(@"(?i:\b(?:twice|thrice)\b)|(?i:\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|multiple)\s+)(?-i:times)\b")]
    private static partial Regex Frequency();

    // "speeches" -> "speech", "tweets" -> "tweet", "address" stays.
    private static string Singular(string noun) =>
        noun.EndsWith("ches", StringComparison.OrdinalIgnoreCase) ? noun[..^2]
        : noun.EndsWith('s') && !noun.EndsWith("ss", StringComparison.OrdinalIgnoreCase) ? noun[..^1]
        : noun;

    private static string[] OwnWords(string name) =>
        [.. NameWord().Matches(name).Select(m => m.Value).Where(w => !NotPersonalNameWords.Contains(w))];

    // A proper name that is no person's: not after a title ("President Trump"), not a Korean given name ("Kim Jong-un"),
    // and not one the question already gives by name (its capitalised words: "the state news agency" still wants the
    // "Korean Central News Agency"). An acronym ("KCNA") counts too.
    private static bool HoldsOrganizationName(string passage, string question)
    {
        var asked = NameWord().Matches(question).Select(m => m.Value).Skip(1).Where(w => char.IsUpper(w[0])).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Acronym().Matches(passage).Any(m => !asked.Contains(m.Value)) || ProperName().Matches(passage).Any(name =>
            OwnWords(name.Value) is { Length: > 0 } own && !own.Any(asked.Contains)
            && !NameWord().Matches(name.Value).Any(w => PersonTitles.Contains(w.Value)) && !name.Value.Contains('-', StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\b[A-Z]{3,}\b")]
    private static partial Regex Acronym();

    private static readonly HashSet<string> PersonTitles = new(StringComparer.Ordinal)
    {
        "President", "Prime", "Minister", "Secretary", "Speaker", "Leader", "Chairman", "General", "Ambassador", "Senator",
        "Representative", "Advisor", "Adviser", "King", "Queen", "Mr", "Mrs", "Ms", "Dr",
    };

    private static readonly HashSet<string> NotPersonalNameWords = new(StringComparer.Ordinal)
    {
        "North", "South", "East", "West", "United", "States", "Korea", "Korean", "Koreans", "Kingdom", "Peninsula",
        "White", "House", "America", "American", "The", "President", "Prime", "Minister", "Foreign", "Secretary", "Speaker",
        "Leader", "Chairman", "General", "Ambassador", "Senator", "Representative", "Advisor", "Adviser",
    };

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex NameWord();

    // "When will...", "so when did...", "what year...", "what exact year...", "how long...", "since when".
    [GeneratedRegex(@"^\W*(?:(?:so|and|but|ok|okay)\W+)?when\b|\b(?:what|which)\s+(?:exact\s+|specific\s+|precise\s+)?(?:year|month|date|day)\b|\bhow\s+long\b|\bsince\s+when\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeQuestion();

    // "When did they first meet?", "when was the warning made?", "what year did...": a past event's date.
    [GeneratedRegex(@"\bwhen\s+(?:did|was|were|had)\b|\b(?:what|which)\s+(?:exact\s+|specific\s+|precise\s+)?(?:year|month|date|day)\s+(?:did|was|were)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PastTimeQuestion();

    // A month or a date relative to now ("in late October", "last year"); not a span or "soon". Years: see Years.
    [GeneratedRegex(@"\b(?:january|february|march|april|june|july|august|september|october|november|december|(?:this|next|last)\s+(?:week|month|year)|yesterday)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateExpression();

    // "How many troops...", "what is the size of...", "how big is..."; not "how much should we expect".
    // "How much does the US spend...", "how much of its GDP...", "how far can its missiles reach", "the range of its
    // ICBMs", "what's Defense Priorities' budget" too. "Range of" counts only with a weapon: "what range of options"
    // asks for no figure.
    [GeneratedRegex(@"\bhow\s+many\b|\bhow\s+often\b|\bhow\s+(?:big|large|much\s+(?:money|aid|food|oil|of|does\s+it\s+cost))\b|\bhow\s+much\b[^?.]*\b(?:spend|spends|spent|cost|costs|pay|pays|paid|earn|earns|owe|owes|weigh|weighs|worth)\b|\bhow\s+far\b[^?.]*\b(?:reach|reaches|travel|travels|fly|flies)\b|\b(?:size|number|population|amount|count)\s+of\b|\b(?:dollar|total|monetary|cash)\s+(?:value|amount|cost|figure)\b|\bwhat\s+(?:range|distance)\s+(?:do|does|did|can|could)\b|\brange\s+of\b[^?.]*\b(?:missiles?|icbms?|rockets?|warheads?|weapons?)\b|\bwhat(?:['’]?s|\s+is|\s+was|\s+are|\s+were)\s+(?:[\w'’-]+\s+){0,4}?(?:budget|budgets|salary|salaries|population|gdp|death\s+toll|net\s+worth|defen[cs]e\s+spending)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuantityQuestion();

    // A "where" about a physical place; not "where does the author stand" or "where did the news come from". "In which
    // city...", "what venue..." too.
    [GeneratedRegex(@"\b(?:which|what)\s+(?:city|cities|town|venue|location|capital)\b|^\W*(?:(?:so|and|but|ok|okay)\W+)?where\b(?![^?.]*\bstand)\s+(?:[\w'’-]+\s+){0,8}?(?:held|hold|holding|take\s+place|took\s+place|happen|happened|meet|met|meeting|located|based|live|lives|lived|born|raised|educated|study|studied|signed|summit|work|works|worked|published|appear|appeared)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceQuestion();

    // "What were the names of...", "what's his name", "what's the official's name", "who leads the team", "who is the
    // chief negotiator" (or special representative, envoy, delegate), "who is the president of South Korea", "who is
    // South Korea's president", "who is the South Korean official that said...", "who's leading the team", "which
    // official said...", "who's the US special envoy for NK", "who was the south korean president back then".
    [GeneratedRegex(@"\bwho(?:['’]s|\s+is|\s+was)\s+(?:the\s+)?(?:current\s+)?(?:(?:south|north)\s+korean|american|u\.?s\.?|chinese|japanese|russian)\s+(?:president|prime\s+minister|leader|foreign\s+minister|defen[cs]e\s+minister|ambassador)\b|\bwho(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+(?:the|this|that|these|those)\s+(?:(?:south|north)\s+korean\s+|american\s+|u\.?s\.?\s+|us\s+|chinese\s+|japanese\s+)?(?:special\s+|chief\s+|top\s+|lead\s+|senior\s+)?(?:official|officials|diplomat|diplomats|negotiator|negotiators|envoy|envoys|representative|representatives|delegate|delegates|emissary|mediator|spokesman|spokesperson|analyst|analysts|expert|experts)\b|\bnames?\s+of\b|\bwhat(?:['’]?s|\s+is|\s+was)\s+(?:the\s+|that\s+|this\s+)?[\w\s.-]+?['’]s\s+names?\b|\bwhat(?:'s|’s|\s+is|\s+was|\s+are|\s+were)\s+(?:his|her|their|its|the)\s+names?\b|\bwho\s+(?:leads|led|heads|headed|runs|ran|chairs|chaired|will\s+lead|is\s+leading|is\s+in\s+charge)\b|\bwho(?:['’]s|\s+is)\s+(?:leading|heading|running|in\s+charge)\b|\bwhich\s+(?:(?:south|north)\s+korean\s+|american\s+|u\.?s\.?\s+|chinese\s+|japanese\s+)?(?:official|officials|diplomat|diplomats|negotiator|negotiators|envoy|envoys|representative|representatives|delegate|delegates|emissary|mediator|spokesman|spokesperson|analyst|analysts|expert|experts)\b|\bwho\s+(?:is|was|are|were)\s+the\s+(?:lead|chief|head|top)\b|\bwho\s+(?:is|was)\s+(?:the\s+)?(?:current\s+)?(?:president|prime\s+minister|premier|leader|chairman|minister|ambassador|secretary|spokesman|spokesperson|envoy|king|queen)\s+of\b|\bwho\s+(?:is|was)\s+[\w\s.-]+['’]s\s+(?:current\s+)?(?:president|prime\s+minister|premier|leader|chairman|minister|ambassador|secretary|spokesman|spokesperson|envoy|king|queen|founder|father|mother|wife|husband|sister|brother|son|daughter|successor|predecessor)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NameQuestion();

    // "Did the talks actually happen?", "did they ever resume?", "what came of them?", "how did the summit turn out?",
    // "what did Kim do after the deadline passed?";
    // not "did Trump really say he loves Kim?" (a claim the article may report).
    [GeneratedRegex(@"\bdid\b(?=[^?.]*\b(?:actually|really|ever|eventually|finally|end\s+up|ended\s+up)\b[^?.]*\b(?:happen|happening|take\s+place|taking\s+place|occur|go\s+ahead|resume|materiali[sz]e)\b)|\bwhat\s+came\s+(?:of|out\s+of)\b|\b(?:what\s+did\b[^?.]*\bdo|what\s+happened)\s+(?:after|when|once)\b[^?.]*\b(?:passed|arrived|came|expired|lapsed|ran\s+out|rolled\s+around)\b|\bhow\s+did\b[^?.]*\bturn\s+out\b|\b(?:outcome|result)s?\s+of\s+(?:the|these|those|that)\s+(?:talks|meeting|meetings|summit|negotiations)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OutcomeQuestion();

    // Events after the piece: "did North Korea resume tests after the deadline passed?" (a deadline that has passed
    // lies after it), "what did Biden end up doing?", "did the talks produce an agreement / succeed / collapse?", "did
    // Kim follow through on the deadline?", "summarize the latest missile launch" (the latest is today's), "what did
    // Trump tweet about Kim last week?" (the asker's week, not the piece's; "USA Today" is an outlet), "is Kim still in
    // power?", "is Kushner still working at the White House?" (a state of affairs today), "which sanctions are
    // currently in force?" (today's rules; not "does deterrence still apply?"), "did NK test missiles after this was
    // written?". Only when nothing makes them a hypothesis or a view: see Hypothetical.
    [GeneratedRegex(@"\b(?:deadline|ultimatum)\s+(?:had\s+)?(?:passed|expired|lapsed|came\s+and\s+went|ran\s+out)\b|\b(?:did|has)\b[^?.]{0,150}\bend(?:ed)?\s+up\b|\bdid\b[^?.]{0,150}\b(?:succeed|fail|work\s+out|pan\s+out|break\s+down|collapse|get\s+anywhere|follow\s+(?:through|thru)|carry\s+out|make\s+good)\b|\bdid\b[^?.]{0,150}\b(?:produce|yield|reach|result\s+in|lead\s+to|achieve|strike|sign)\b[^?.]{0,150}\b(?:agreement|deal|breakthrough|treaty|accord)s?\b|\bdid\b[^?.]{0,150}(?:\b(?:last\s+(?:week|night)|yesterday|this\s+(?:week|morning))\b|(?<!\busa\s)\b(?-i:today)\b)|\bafter\s+(?:this|it|the\s+(?:article|piece|op-?ed|column|essay))\s+(?:was|got)\s+(?:written|published|posted)\b|\b(?:sanctions?|restrictions?|embargo(?:es)?|bans?|resolutions?)\b[^?.]{0,60}?(?:\b(?:currently|now|still)\s+(?:in\s+(?:force|place|effect)|imposed)\b|\bin\s+(?:force|place|effect)\b[^?.]{0,60}\b(?:today|now|currently)\b)|\b(?:latest|most\s+recent|newest)\s+(?:[\w-]+\s+){0,3}?(?:launch|launches|test|tests|news|developments?|summit|provocation)\b|\b(?:is|are)\b[^?.]{0,150}\b(?:still|even)\s+(?:still\s+)?(?:alive|living|dead|in\s+power|in\s+office|in\s+charge|(?:the\s+)?(?:president|leader)|(?:working|employed)\s+(?:at|for)\s+(?:the\s+)?(?:(?-i:[A-Z])|white\s+house|state\s+department|government|administration)|at\s+(?:the\s+)?(?:white\s+house|state\s+department))", RegexOptions.IgnoreCase)]
    private static partial Regex AfterThePiece();

    // "write me a poem about kim jong-un pls", "can you compose a haiku on the talks", "translate 'peace' into korean":
    // not a question about the article ("translate 'functionally infinite' into plain words" is one).
    [GeneratedRegex(@"^\W*(?:(?:hey|ok|okay|so|pls|please|bot)\W+)*(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?)?(?:(?:write|compose|draft|generate|make|give)\s+(?:me\s+|us\s+)?(?:a|an|some|another)\s+(?:short\s+|funny\s+|little\s+)?(?:poem|poems|song|songs|haiku|limerick|joke|jokes|story|stories|rap|sonnet|tweet|email|speech|meme)\b|translate\b[^?.]*\b(?:into|to|in)\s+(?:korean|english|chinese|japanese|spanish|french|german|russian|arabic|hindi|portuguese|italian|vietnamese)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex WritingRequest();

    // "What would North Korea do if the deadline passed?", "what did North Korea threaten to carry out?", "did the
    // author think talks would get anywhere?", "is diplomacy still alive, in her view?": a condition, a warning or a
    // view the piece may well report, not an event after it (for either outcome rule: see Of).
    [GeneratedRegex(@"\b(?:would|could|should|might|will|if|unless|think|thinks|thought|believe|believes|believed|view|suggest|suggests|suggested|want|wants|wanted|threaten|threatens|threatened|warn|warns|warned|expect|expects|expected|predict|predicts|predicted)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hypothetical();

    // "What did Kim say in his New Year's speech?", "what did she write in her Time Magazine articles?": a named kind of
    // source; not "what does the article say in its conclusion", "what did Pyongyang say in its warning" nor "what did
    // the author say in the article about the speech" (this article is no other source).
    [GeneratedRegex(@"\b(?:say|said|says|write|wrote|written|writes|tweet|tweeted|claim|claimed|announce|announced|promise|promised|reveal|revealed)\b[^?.]*?\b(?:in|during)\s+(?:his|her|their|its|the|a|an|that|this)\s+(?:(?!(?:about|of|on|in|from)\b)[\w'’-]+\s+){0,4}?(?<source>speech|speeches|address|interview|interviews|letter|letters|tweets?|book|books|memoir|testimony|remarks|press\s+conference|articles|columns?|podcast|broadcast)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatementQuestion();

    // "Did Kim cut ties...", "what happened in 2020": an event in the past. Not "was" or "were": "was 2020 the
    // deadline?" asks what the article says.
    [GeneratedRegex(@"\bdid\b|\bhappened\b", RegexOptions.IgnoreCase)]
    private static partial Regex PastTense();

    // What someone said or set, beyond Hypothetical's conditions and views: "what did Pyongyang say would happen in
    // 2020?", "what did the warning about 2020 mean?" report a warning the piece carries, not an event after it.
    [GeneratedRegex(@"\b(?:going\s+to|supposed|say|said|warning|threat|claim|claimed|promise|promised|deadline|ultimatum)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Reported();

    // A reported outcome: "the talks took place", "negotiations resumed", "the summit collapsed".
    [GeneratedRegex(@"\b(?:took\s+place|happened|went\s+ahead|(?:was|were)\s+held|resumed|collapsed|broke\s+down|ended\s+(?:in|with|without))\b", RegexOptions.IgnoreCase)]
    private static partial Regex OutcomeExpression();

    // "What is the name of the state news agency?", "what's the name of the outlet that...", "name of her think tank",
    // "what are the military drills called?" (a thing's name, not a person's; "called" ends the question: "the points the
    // author called important" asks no name).
    [GeneratedRegex(@"\bnames?\s+of\s+(?:the|this|that|its|their|her|his|(?:[\w-]+\s+)?[\w-]+['’]s)\s+(?:[\w-]+\s+){0,3}?(?:outlets?|agency|agencies|newspapers?|paper|network|channel|broadcaster|publications?|magazines?|organi[sz]ations?|think\s+tank|institute|company|party|committee|news\s+service)\b|\bwhat\s+(?:is|are|was|were)\s+(?:the|this|that|these|those|its|their|his|her)\s+(?:[\w-]+\s+){1,4}?called\W*$|\bwhat\s+(?:is|are|was|were)\s+(?:it|they)\s+called\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex OrganizationQuestion();

    // "Where was she born?", "where did the author go to college?", "what is her educational background?", "what's her
    // twitter handle?", "what books has she written?", "is Kim sick?", "is kim jong un's health ok"; not "how does
    // Biden handle North Korea?", "to what degree...", "educational exchanges", "is she sick of the drama?" nor "did
    // Trump announce it on Twitter?". An organisation's founding and funding too: "who founded Defense Priorities?", and
    // a career before a workplace: "what did Kushner do before joining the White House?" (not "before joining talks").
    [GeneratedRegex(@"\b(?:born|birthplace|birthday|hometown|grow\s+up|grew\s+up|college|university|alma\s+mater|(?:college|university|a|an|her|his|their)\s+degree|degree\s+(?:in|from)|educated|education|educational\s+background|stud(?:y|ied)\s+at|graduat(?:e|ed)\s+from|(?:twitter|instagram|social\s+media)\s+(?:handle|account|profile|page)|sick(?!\s+of|\s+and\s+tired)|illness|ill\s+health|poor\s+health|(?:his|her|['’]s)\s+health)\b|\bwho\s+(?:founded|funds|funded|finances|financed|bankrolls|bankrolled)\b|\bbefore\s+(?:joining|(?:he|she|they)\s+joined)\s+(?:the\s+)?(?:white\s+house|administration|government|campaign|company|firm|magazine|think\s+tank|(?-i:[A-Z]))|\bprevious\s+(?:job|jobs|career|work|employer)\b|\b(?:founder|founders|funders)\s+of\b|\bbooks?\b[^?.]*\b(?:written|wrote|write|authored|published)\b|\b(?:written|wrote|authored|published)\s+(?:any\s+|a\s+|other\s+)?books?\b", RegexOptions.IgnoreCase)]
    private static partial Regex BiographyQuestion();

    // "Kim Jong-un's father", "his sister", "her husband", "who is she married to", "is she married?"; not "a new father
    // figure", "Trump's son-in-law" (or "son in law"), "does Kim see Trump as his father?" (a role) nor "why is
    // Washington so married to denuclearization?".
    [GeneratedRegex(@"(?<!\bas\s)(?:\b[\w-]+['’]s|\bhis|\bher)\s+(?:late\s+|older\s+|younger\s+|little\s+|big\s+)?(?<relative>father|mother|sister|brother|wife|husband|son|daughter|uncle|aunt|grandfather|grandmother)\b(?!\s+figure|[-\s]in[-\s]law)|\bwho\s+(?:is|was)\s+(?:[\w.'’-]+\s+){1,4}?(?<relative>married)\s+to\b|\b(?:is|was)\s+(?:[\w.'’-]+\s+){1,3}?(?<relative>married)\W*$|\b(?<relative>spouse)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FamilyQuestion();

    // "Came to power", "rose to power", "took power", "inherited the leadership", "how did Kim become North Korea's
    // leader?", "how did Gadhafi die?"; not "stay in power".
    [GeneratedRegex(@"\b(?:(?:come|comes|came|rise|rose|risen)\s+to\s+power|(?:take|took|taken)\s+power|inherit(?:ed)?\s+(?:power|the\s+leadership))\b|\bhow\s+did\s+(?:[\w.'’-]+\s+){1,3}?become\s+(?:[\w.'’-]+\s+){0,3}?(?:leader|ruler|president|dictator|head\s+of\s+state)\b|\b(?:how|when|where)\s+did\s+(?:[\w.'’-]+\s+){1,3}?die\b|\b(?:how|when|where)\s+was\s+(?:[\w.'’-]+\s+){1,3}?(?:killed|executed|assassinated)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RiseToPower();

    // "Born in Seoul", "grew up in Ohio", "graduated from Yale", "studied at", "a degree in", "@handle", "founded by".
    [GeneratedRegex(@"\b(?:born|native\s+of|grew\s+up|raised\s+in|hometown|graduat\w*|studied|degree|university|college|alma\s+mater|twitter|instagram|books?|author\s+of|(?:came|rose)\s+to\s+power|took\s+power|succeeded\s+(?:his|her)\s+father|died|was\s+killed|founded|founder|funded\s+by|owned\s+by)\b|(?<!\w)@\w+", RegexOptions.IgnoreCase)]
    private static partial Regex BiographyExpression();

    // "How old is Kim?", "what age is he?".
    [GeneratedRegex(@"\bhow\s+old\b|\bwhat\s+age\b|\bwhat\s+is\s+(?:his|her|their)\s+age\b", RegexOptions.IgnoreCase)]
    private static partial Regex AgeQuestion();

    // "35 years old", "a 35-year-old", "aged 35", "at the age of 35", "born in 1984"; not "an age of sanctions".
    [GeneratedRegex(@"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?[- ]years?[- ]old\b|\baged\s+\d|\bage\s+of\s+\d|\bborn\s+(?:in\s+)?(?:\w+\s+)?\d{4}", RegexOptions.IgnoreCase)]
    private static partial Regex AgeExpression();

    // "in Hanoi", "at Defense Priorities"; a month ("in December") is a time, not a place, and "from Kim" names a source.
    [GeneratedRegex(@"\b(?:in|at|near)\s+(?:the\s+)?(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z]")]
    private static partial Regex PlaceExpression();

    // Two or more capitalised words in a row: "Jared Kushner", "Kim Jong-un", "Defense Priorities".
    [GeneratedRegex(@"\b[A-Z][a-z]+(?:-[a-z]+)?(?:\s+[A-Z][a-z]+(?:-[a-z]+)?)+")]
    private static partial Regex ProperName();

    // Dates, months, spans and relative times. Spans and relative times count in lower case, or capitalised at the start
    // of a sentence ("Today, ..."); capitalised inside one, they are titles ("The Week", "USA Today"), not times.
    [GeneratedRegex(@"\b(?:1[6-9]\d\d|20\d\d|january|february|march|april|june|july|august|september|october|november|december|year-end|new\s+year|(?:this|next|last)\s+(?:week|month|year)|(?-i:(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies))\b|soon|today|tomorrow|yesterday)|(?<=(?:^|[.!?]\s+))(?:days?|weeks?|months?|years?|decades?|soon|today|tomorrow|yesterday)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex TimeExpression();

    // A figure: a run of digits (a year among them is discarded by the caller) or a number word.
    [GeneratedRegex(@"\d+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|single|double|twice)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberExpression();
}
