using System.Collections.Frozen;

namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>Words that carry no topic: dropped from indexes and questions.</summary>
public static class StopWords
{
    public static readonly FrozenSet<string> English = FrozenSet.ToFrozenSet(
    [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "aren", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "cannot", "could", "couldn",
        "did", "didn", "do", "does", "doesn", "doing", "don", "down", "during", "each", "either", "else", "ever", "every", "few",
        "for", "from", "further", "get", "gets", "got", "had", "hadn", "has", "hasn", "have", "haven", "having", "he", "her",
        "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "isn", "it", "its", "itself",
        "just", "let", "ll", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "neither", "no", "nor",
        "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "ought", "our", "ours", "ourselves", "out",
        "over", "own", "per", "quite", "re", "rather", "really", "s", "same", "shall", "she", "should", "shouldn", "so",
        "some", "such", "t", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
        "this", "those", "though", "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "ve", "very", "was",
        "wasn", "we", "well", "were", "weren", "what", "whatever", "when", "where", "whether", "which", "while", "who", "whom",
        "whose", "why", "will", "with", "within", "without", "won't", "would", "wouldn", "yet", "you", "your", "yours",
        "yourself", "d", "m", "o", "y", "etc", "anyway", "even", "still", "lest", "many", "like", "lot",
        "somewhere", "anywhere", "someone", "somebody", "anyone", "anybody",
        // Chat spellings without the apostrophe, and fillers.
        "whats", "hows", "whos", "wheres", "im", "ive", "dont", "doesnt", "isnt", "wont", "cant", "didnt", "nah", "yeah",
        "yep", "nope", "hey", "btw", "pls", "plz", "lol", "vs", "versus", "theres", "thats", "arent", "wasnt", "werent",
        "shouldnt", "wouldnt", "couldnt", "hasnt", "havent", "hadnt", "youre", "theyre", "shes",
        // Chat shorthand for the same function words ("shud we...", "critical tho", "tbh").
        "shud", "shld", "tho", "thru", "cuz", "coz", "bc", "ur", "thx", "ya", "wanna", "gotta", "kinda", "sorta", "ngl", "tbh",
        "imo", "imho", "idk", "rn", "wat", "wut", "abt", "bout", "smth", "sth", "b4",
    ]);

    /// <summary>
    /// How people frame a question about a text ("what does the author say about X"): not part of the topic, so they
    /// neither count as matches nor as words the article fails to cover. Compared by surface form, before stemming.
    /// </summary>
    public static readonly FrozenSet<string> QuestionFraming = FrozenSet.ToFrozenSet(
    [
        "article", "articles", "piece", "text", "essay", "op-ed", "oped", "op", "ed", "column", "author", "authors", "writer", "writers",
        "say", "says", "said", "saying", "think", "thinks", "thought", "believe", "believes", "view", "views", "opinion",
        "opinions", "position", "positions", "stance", "argue", "argues", "argued", "argument", "claim", "claims", "mention",
        "mentions", "mentioned", "discuss", "discusses", "discussed", "explain", "explains", "describe", "describes", "described", "story", "tell",
        "tells", "me", "mean", "means", "meant", "support", "supports", "favor", "favour", "recommend", "recommends", "suggest",
        "suggests", "propose", "proposes", "want", "wants", "according", "regarding", "concerning", "take", "here", "please",
        "kind", "sort", "thing", "things", "anything", "something", "happen", "happens", "happened", "happening", "know", "knows", "idea", "ok",
        "example", "examples", "instance", "instances", "quote", "quotes", "quoted", "quoting", "cite", "cites", "cited",
        "reference", "references", "referenced", "sentence", "sentences", "paragraph", "paragraphs", "passage", "passages",
        "phrase", "phrases", "wording", "headline", "title", "name", "names", "named", "assessment", "assess", "perspective",
        "proposed", "proposal", "proposals", "envision", "envisions", "envisioned", "claiming", "claimed", "emphasize",
        "emphasizes", "emphasise", "emphasises", "stress", "stresses", "admit", "admits", "concede", "concedes", "acknowledge",
        "acknowledges", "list", "asking", "wondering", "curious", "confused", "sorry", "wait", "reasoning", "rationale",
        "logic", "acc", "illustrate", "illustrates", "illustrated", "illustrating",
    ]);

    /// <summary>
    /// Everyday verbs and adjectives that frame what is asked rather than name a topic ("put", "look", "expected",
    /// "removed"). When the article lacks one, that says little about whether it covers the question, so such a word
    /// weighs like a common one in coverage. Topical nouns (currency, economy, troops) are deliberately not here.
    /// </summary>
    public static readonly FrozenSet<string> Generic = FrozenSet.ToFrozenSet(
    [
        "put", "puts", "putting", "look", "looks", "looking", "get", "getting", "gets", "got", "give", "gives", "giving",
        "go", "goes", "going", "gone", "make", "makes", "making", "made", "keep", "keeps", "keeping", "kept", "come", "comes",
        "coming", "came", "bring", "brings", "bringing", "brought", "expect", "expects", "expected", "expecting", "try", "tries",
        "trying", "tried", "seem", "seems", "seemed", "need", "needs", "needed", "rely", "relies", "relying", "remove", "removed",
        "removing", "resume", "resumes", "resumed", "rid", "work", "works", "worked", "working", "help", "helps", "helped",
        "use", "used", "using", "useful", "real", "really", "actually", "likely", "possible", "best", "better", "worse",
        "good", "bad", "big", "small", "whole", "part", "side", "way", "ways", "role", "toward", "towards", "afraid", "worried",
        "worry", "able", "call", "called", "long", "old", "new", "first", "last", "next", "right", "wrong", "sure", "lasting",
        "produce", "produces", "instead", "enough", "equal", "compare", "compares", "compared", "policy", "policies",
        "entirely", "roughly", "exactly", "including", "gonna", "person", "two", "ignore", "ignored", "ignoring", "fine",
        "type", "problem", "problems", "closer", "higher", "longer", "scared", "fear", "fears", "source", "plan", "plans",
        "include", "includes", "ask", "asks", "left", "max", "issued", "line", "lines",
        "stuff", "dumb", "stupid", "silly", "naive", "upcoming", "prompted", "prompt", "serve", "serves", "served", "serving", "fail", "fails", "failed", "failing", "failure", "add", "adds", "amount", "amounts",
        "main", "former", "behind",
    ]);
}
