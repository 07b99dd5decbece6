using System.Collections.Frozen;
using PolicyBot.Core.Knowledge.Embedding;
using PolicyBot.Core.Knowledge.Text;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// Questions about the piece as a whole ("what does the author argue?", "what is this about?", "tldr"): they name no
/// topic, so no paragraph stands out in retrieval and the answerability model rightly finds nothing specific. They are
/// answered with the article's thesis (<see cref="Thesis"/>), quoting its sentences closest in meaning to the whole
/// article: general traits of argued prose, nothing one article says.
/// </summary>
public static class GistQuestions
{
    // Words that ask for the whole argument; a question made only of these, framing and function words asks for the gist.
    private static readonly FrozenSet<string> Cues = FrozenSet.ToFrozenSet(
    [
        "argue", "argues", "argued", "arguing", "argument", "arguments", "thesis", "point", "points", "main", "about",
        "summary", "summarize", "summarise", "summarized", "gist", "tldr", "tl", "dr", "overall", "central", "message",
        "conclusion", "conclude", "concludes", "want", "wants", "think", "thinks", "say", "says", "saying", "position",
        "stance", "view", "take", "believe", "believes", "propose", "proposes", "claim", "claims", "core", "key", "idea",
        "basically", "sum", "nutshell", "opinion", "goal", "purpose", "aim",
    ]);

    /// <summary>Whether <paramref name="question"/> asks for the article's argument as a whole, naming no topic.</summary>
    public static bool Asks(string question) => TopicFreeQuestion.Matches(question, Cues, Pieces);

    /// <summary>The answer to a gist question: the thesis paragraph, quoting its sentences closest to the whole.</summary>
    public static Answer Compose(string question, ArticleIndex index)
    {
        var centroid = Centroid(index.Words.Paragraphs);
        var thesis = Thesis(index);
        var order = index.Text.SentenceOrder;
        var citation = AnswerComposer.Quote(index.Text, thesis, s =>
        {
            var k = order.IndexOf(new SentenceRef(thesis, s));
            return k < 0 ? 0 : Vectors.Similarity(index.Words.Sentences[k].Vector, centroid);
        });
        var position = index.PositionFor(thesis);
        var author = PositionDeriver.AuthorPhrase(index.Article);
        var summary = position is { Derived: false } curated ? curated.Summary : $"The piece's main argument, as {author} puts it (¶{thesis}).";
        return new Answer(question, false, summary, [citation], index.Article, position, new AnswerSignals(1, "asks for the gist: the thesis paragraph"));
    }

    /// <summary>
    /// The paragraph that states the article's thesis (1-based): the last substantial one that is not the note about the
    /// author. Argued pieces close on their claim: on 25 op-eds whose thesis paragraphs were labelled by hand this picks a
    /// labelled one for 21; the paragraph closest to the article's centroid, for 9; the first paragraph, for 15; requiring
    /// the author's own voice (derived positions), for 19.
    /// </summary>
    public static int Thesis(ArticleIndex index)
    {
        var article = index.Article;
        var bio = BylineQuestions.BioParagraph(article);
        for (var p = article.ParagraphCount; p >= 1; p--)
        {
            if (p != bio && article.Paragraph(p).Length >= SubstantialLength)
            {
                return p;
            }
        }

        return article.ParagraphCount;
    }

    // Shorter paragraphs are sign-offs and one-line asides ("We'll see."), not a claim.
    private const int SubstantialLength = 80;

    private static readonly FrozenSet<string> Pieces = FrozenSet.ToFrozenSet(
    [
        "board", "writer", "writers", "journal", "newspaper", "paper", "this", "it", "its", "whole", "entire", "he", "she", "they",
        "them", "his", "her", "their", "really", "actually", "exactly", "bottom", "line", "up", "short", "trying", "make",
        "making", "get", "getting", "across", "big",
    ]);

    private static float[] Centroid(EncodedText[] paragraphs)
    {
        var sum = new float[paragraphs[0].Vector.Length];
        foreach (var paragraph in paragraphs)
        {
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += paragraph.Vector[i];
            }
        }

        return Vectors.Normalize(sum);
    }
}
