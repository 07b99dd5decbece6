namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// The named stages of answering, in the order a question meets them. All run in production; <c>ask-eval --ablate</c>
/// turns each off in turn (retraining the learned stages without it) to show what it adds.
/// </summary>
[Flags]
public enum AnswerStages
{
    None = 0,

    /// <summary>Chat shorthand spelled out, misspellings of the article's words repaired, framing dropped (<see cref="Text.QuestionText"/>).</summary>
    Repair = 1,

    /// <summary>BM25 over paragraphs and sentences, and the share of the question's telling words each paragraph holds.</summary>
    Lexical = 2,

    /// <summary>snowflake-arctic-embed-xs, trained for retrieval: the same comparisons from a second model.</summary>
    RetrievalModel = 8,

    /// <summary>
    /// MiniLM tuned for questions (<see cref="Embedding.QuestionTuning"/>) reads the question for every stage and scores it
    /// against each sentence and a learned "no sentence" score; or, in models trained without the tuning tool, the
    /// linear <see cref="Answering.QuestionAdapter"/> maps plain MiniLM's question vector for those scores.
    /// </summary>
    QuestionAdapter = 512,

    /// <summary>Each telling question word against the paragraph's words in context (word vectors of the question's reading).</summary>
    WordMatch = 16,

    /// <summary>The kind of fact asked for (a number, a date, a name) against what the passage holds (<see cref="Text.FactKinds"/>).</summary>
    FactKind = 32,

    /// <summary>The learned ranker combines the evidence above; without it, dense and lexical scores are simply added.</summary>
    Ranker = 64,

    /// <summary>The learned answerability model declines what the article does not cover; without it, nothing is declined.</summary>
    Answerability = 128,

    /// <summary>An article's labelled questions vote (<see cref="QuestionBank"/>): only articles with such data files.</summary>
    LabelledQuestions = 256,

    All = Repair | Lexical | QuestionAdapter | RetrievalModel | WordMatch | FactKind | Ranker | Answerability | LabelledQuestions,
}
