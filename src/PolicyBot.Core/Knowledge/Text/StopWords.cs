using System.Collections.Frozen;

namespace PolicyBot.Core.Knowledge.Text;

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
        "logic", "acc", "illustrate", "illustrates", "illustrated", "illustrating", "editorial", "editorials", "editor", "editors",
        "columnist", "columnists", "tldr", "gist",
    ]);
}
