using System.Collections.Immutable;

namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// General vocabulary of foreign-policy writing and of talking about an opinion piece: words that mean the same
/// thing in this register ("economic penalties" = "sanctions", "war games" = "military drills", "denuke" =
/// "denuclearization") and irregular forms the stemmer cannot join ("wrote" = "writing"). Not tied to any article:
/// a question word the article lacks counts as covered when a phrase of its group is in the article, and the
/// article's phrase is searched too. Groups are narrow on purpose: a group that joins "cancel" (what one side could
/// do) with "halt" (what the other could do) would blur who holds which position.
/// </summary>
public static class PolicyLexicon
{
    public static ImmutableArray<PhraseGroup> Default { get; } = [.. Groups().Select(PhraseGroup.Of)];

    private static IEnumerable<string[]> Groups() =>
    [
        // Economic pressure.
        ["sanctions", "economic penalties", "penalties", "embargo", "economic pressure", "economic restrictions", "trade restrictions"],
        ["lift", "ease", "relax", "remove", "loosen", "roll back", "drop", "relief"],

        // Military activity and weapons.
        ["military drills", "drills", "joint exercises", "military exercises", "exercises", "war games", "wargames", "maneuvers", "manoeuvres", "military maneuvers"],
        // How a side takes a move it dislikes: "vociferously objects", "loudly complains".
        ["objects", "object", "objection", "complain", "complains", "complaining", "protest", "protests", "resent", "resents", "dislike", "dislikes"],
        ["vociferously", "loudly", "vehemently", "fiercely", "bitterly"],
        ["cancel", "call off", "scrap", "suspend", "scrub", "forgo"],
        // Not "suspend": the drills Washington could suspend sit in the group above.
        ["halt", "stop", "pause", "cease"],
        ["missile testing", "missile tests", "missile launches", "weapons tests", "weapons testing", "rocket launches", "ICBM tests", "ICBM launches", "ICBMs", "ICBM", "ballistic missiles", "ballistic missile tests"],
        ["nuclear arsenal", "nukes", "nuclear weapons", "atomic weapons", "atomic bombs", "nuclear program", "nuclear programme", "bomb", "nuclear stockpile", "stockpile", "nuclear capability", "warhead", "warheads"],
        ["denuclearization", "denuclearisation", "denuclearize", "denuke", "disarmament", "disarm", "dismantle", "dismantling", "get rid of", "CVID", "FFVD"],
        ["freeze", "moratorium", "cap", "capping"],
        ["attack", "strike", "assault", "invade", "invasion", "aggression", "start a war", "first strike", "surprise attack", "sneak attack", "unprovoked"],
        ["war", "conflict", "armed conflict", "hostilities", "fighting", "break out", "breaks out", "erupt", "erupts"],
        ["deterrence", "deter", "deterrent"],
        ["upper hand", "leverage", "advantage", "bargaining position", "negotiating position", "position of strength", "stronger hand", "better hand", "edge", "dominance", "superiority", "balance of power", "stronger", "more powerful", "weak", "weaker", "weakness", "equal footing", "parity", "on par", "stronger position", "strong position"],
        ["response", "respond", "hit back"],

        // Regimes and power.
        ["regime change", "overthrow", "toppled", "topple", "ouster", "ousted", "deposed", "overthrown"],
        // What befell others as a lesson: "which dictators does the op-ed use as cautionary tales?".
        ["suffered", "suffer", "fate", "cautionary tale", "cautionary tales", "cautionary example", "cautionary examples", "precedent", "precedents"],
        ["dictators", "dictator", "strongmen", "strongman", "despots", "despot", "autocrats", "autocrat", "tyrants", "tyrant"],
        ["retain power", "stay in power", "hold on to power", "survival", "survive"],
        ["insurance", "guarantee", "safeguard", "protection", "security guarantee"],

        // Negotiation.
        ["talks", "negotiations", "dialogue", "negotiating", "talking"],
        ["diplomacy", "engagement", "diplomatic", "negotiating"],
        ["resume", "restart", "reopen", "new round", "start again", "meet again", "sit down again", "back to the table", "return to talks", "return to the table"],
        ["concessions", "offer", "give", "trade-off", "tradeoff", "bargaining chip", "on the table", "to the table", "gestures", "goodwill gestures", "goodwill", "good faith", "sweeteners", "carrots", "incentives", "package", "conceding"],
        // The two parties together: "the two countries", "each side".
        ["both sides", "two sides", "two countries", "both countries", "the two nations", "both nations", "each side", "both parties", "both governments"],
        ["in turn", "in return", "in exchange", "reciprocate", "reciprocal", "reciprocity", "quid pro quo"],
        // Not "treaty": a peace treaty is a formal instrument, not the deal of a negotiation.
        ["agreement", "deal", "bargain", "accord", "pact"],
        ["deadline", "ultimatum", "cutoff", "cut-off", "time limit"],
        ["warned", "warning", "threat", "threatened", "threatens", "threaten"],
        // "What principle should steer...": not a bare "principle" ("in principle" agrees to something).
        ["guide", "steer", "guiding", "steering", "guiding principle", "what principle", "which principle", "principle should", "principles should", "compass", "north star"],
        ["in office", "presidency", "term in office", "tenure", "as president", "left in office"],
        ["stall", "stalled", "stuck", "deadlock", "deadlocked", "impasse", "standstill", "logjam", "stalemate", "standoff"],
        ["year-end", "end of the year", "end of year", "year's end", "before the holidays", "christmas", "new year", "new years", "new year's"],
        // "by jan": the month a year-end deadline runs into, as chat abbreviates it.
        ["January", "Jan"],
        ["working-level", "lower-level", "lower level", "low-level", "technical-level", "staff-level", "working lvl", "low lvl", "lower lvl"],
        ["welcomed", "welcome", "good news", "a good thing", "positive step"],
        ["refuse to budge", "won't budge", "hold firm", "dig in", "hardline", "hard line", "intransigent", "inflexible", "refuse to compromise", "refusing to compromise", "unwilling to compromise", "uncompromising", "no compromise"],
        ["before any further negotiations", "up front", "upfront", "beforehand", "precondition", "preconditions", "as a precondition", "first and then talk"],
        ["critical", "urgent", "urgency", "pressing", "crucial", "time-sensitive"],
        ["years", "yrs", "yr"],
        ["demanding", "demand", "demands", "insist", "insists", "insisting", "insist on", "require", "requires", "requiring"],
        ["capitulate", "capitulation", "surrender", "hand over", "hands over", "handing over", "turn over", "turns over", "all-or-nothing", "all or nothing", "maximalist", "maximal demands", "maximum pressure", "max pressure"],
        ["dead-end", "dead end", "non-starter", "nonstarter", "losing strategy", "going nowhere"],
        ["long-term", "long term", "long run", "down the road", "for decades", "years to come", "drag on", "last longer", "prolong", "prolonged"],
        ["meaningless", "matter", "matters", "meaningful", "significant", "important", "worry about", "worried about", "worrying about", "concerned about",
            "pressured", "feel pressure", "under pressure", "credible", "credibility", "bluff", "empty threat", "take seriously", "taken seriously", "seriously", "freak out", "freaking out"],
        // Not "grand" ("grand bargain" is a deal) nor "normal" (it stems like "normalize").
        ["flashy", "impressive", "splashy", "showy", "sweeping", "dramatic", "big-bang", "comprehensive", "grand bargain", "all-encompassing", "underwhelming", "unimpressive", "anticlimactic"],
        ["ordinary", "regular", "everyday", "average"],
        ["people", "population", "citizens", "civilians", "populace", "public", "ppl"],
        ["modest", "limited", "realistic", "achievable", "attainable", "lower expectations", "lower our expectations", "small steps", "incremental", "incrementalist", "step by step", "step-by-step", "baby steps", "interim", "piecemeal", "confidence-building", "settle for less", "settling for less", "partial", "partial deal", "half measures", "half-measures", "ambitious", "ambition", "aim low", "aim high",
            // The goals' opposite reads the same way: "are full disarmament demands unachievable?".
            "unachievable", "unattainable", "overambitious", "too ambitious", "pie in the sky", "pipe dream", "wishful thinking"],
        ["pointless", "waste of time", "futile", "useless", "worthless", "not worth it", "why bother", "no point", "any point", "in vain", "a waste", "worth it", "worthwhile", "worth the effort", "worth the trouble",
            // "Is there still any value in negotiating?", "a reason to keep talking?".
            "any value", "value in", "any use", "reason to keep", "reason to continue", "still worth", "even bother"],

        // Relationships between leaders.
        // Two sides drawing closer: "should the two Koreas keep warming up to each other?".
        ["build relations", "warming up", "warm up", "warming ties", "warmer ties", "rapprochement", "detente", "thaw", "reconciliation", "outreach"],
        ["relationship", "relations", "relation", "friendship", "bond", "chemistry", "bromance", "ties", "rapport"],
        ["leader", "leaders", "two men", "both men", "two leaders", "both leaders"],
        // What a policy stands on: "a sound basis", "rest on", "lean on the leaders' friendship".
        ["basis", "foundation", "rest on", "lean on", "rely on", "relying on", "depend on", "build on", "based on", "cornerstone"],
        ["personal dynamics", "personal diplomacy", "leader-to-leader", "personalist", "personal touch"],
        ["distraction", "sideshow"],
        ["drama", "theatrics", "theater", "theatre", "spectacle", "showmanship", "pageantry", "photo ops", "photo op", "circus", "soap opera"],
        ["focusing", "focus", "attention", "concentrating", "concentrate", "fixate", "fixating", "fixation", "obsess", "obsessing", "preoccupation", "ignore", "ignored", "ignoring", "disregard", "set aside", "downplay", "brush aside"],
        ["mundane", "boring", "unglamorous", "nuts and bolts", "grunt work", "day-to-day", "routine"],
        ["volatile", "unstable", "stable", "shaky", "unpredictable", "risky", "unreliable", "fragile", "precarious"],
        // What one leader professes for the other: "what emotion did Trump profess for Kim?".
        ["love", "affection", "fondness", "adoration", "admiration", "emotion", "emotions", "feelings for", "warm feelings", "infatuation"],
        ["son-in-law", "son in law", "kushner"],
        ["advisor", "adviser", "aide", "counselor", "counsellor"],

        // Aims.
        // "What is Kim really after?", "what does he want out of all this?": someone's aim in plain speech.
        ["aim", "goal", "objective", "purpose", "priority", "mission", "cares about most", "care about most", "cares most about", "care most about", "main concern", "top concern", "really after", "actually after", "truly after", "want out of", "wants out of", "get out of all this", "get out of this"],
        // What everything else serves: "the end goal", "at the end of the day", "the whole point".
        ["ultimate aim", "ultimate goal", "end goal", "real goal", "true goal", "final goal", "overarching goal", "bottom line", "endgame", "end game", "end state", "whole point", "at the end of the day",
            "bigger point", "larger point", "broader point", "bigger purpose", "larger purpose", "point of all this", "point of it all"],
        ["means to this end", "means to an end", "a means", "just a means", "end in itself", "ends in themselves", "a tool", "just a tool", "instrumental"],
        ["peace", "stability"],

        // Places and actors under other names.
        // Chat shorthand too: "NK", "SK" ("USA" is spelled out by TextAnalyzer).
        ["South Korea", "Seoul", "ROK", "Republic of Korea", "SK", "southern neighbor", "southern neighbour"],
        ["United States", "Washington", "America", "the US", "Trump administration", "White House", "American", "Trump admin", "the admin"],
        ["North Korea", "Pyongyang", "DPRK", "North Korean", "NK", "Norks", "Kim government", "Kim's government", "North Korean government"],
        ["president", "POTUS", "commander in chief"],
        ["Kim", "Kim Jong-un", "KJU", "Rocket Man", "Little Rocket Man", "Supreme Leader", "Dear Leader"],
        ["Trump", "Donald Trump", "DJT", "the Donald"],
        ["state media", "KCNA", "propaganda", "state press", "official press", "state news agency", "official media", "state television", "mouthpiece"],

        // The piece and its author.
        ["author", "writer", "columnist", "journalist", "op-ed writer", "contributor", "pundit", "commentator"],
        ["points", "main points", "key points", "argument", "arguments", "takeaways", "takeaway", "gist", "tl;dr", "tldr", "thesis", "structure", "outline", "overview", "summary", "recap", "main ideas", "key ideas"],
        ["writing", "wrote", "write", "written", "writes", "published", "appeared", "bylines", "publications", "publication"],
        // Outlets under their short names.
        ["Los Angeles Times", "LA Times"],
        ["think tank", "fellow", "institute", "affiliation", "affiliated", "organization", "organisation", "institution", "institutional"],
        ["contributing editor", "editor", "job", "occupation", "profession", "career", "employer", "works for", "day job"],
    ];
}
