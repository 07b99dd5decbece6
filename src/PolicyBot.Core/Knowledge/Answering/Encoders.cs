using System.Collections.Concurrent;
using PolicyBot.Core.Knowledge.Embedding;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// The sentence-embedding models the answerer reads with: <see cref="Words"/> gives sentence vectors and word vectors
/// (all-MiniLM-L6-v2 in production), <see cref="Retrieval"/>, when present, a second opinion from a model trained to
/// meet questions with the passages that answer them (snowflake-arctic-embed-xs).
/// </summary>
/// <param name="tuned">Makes the model that reads questions with a <see cref="QuestionTuning"/>; without it (test
/// doubles), tuned questions are read by <paramref name="words"/>.</param>
/// <param name="questions">The model that reads questions with the models in use; <paramref name="words"/> when not given.</param>
public sealed class Encoders(ITextEmbedder words, ITextEmbedder? retrieval = null, Func<QuestionTuning, ITextEmbedder>? tuned = null, ITextEmbedder? questions = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<ITextEmbedder>> _tuned = new(StringComparer.Ordinal);

    public ITextEmbedder Words { get; } = words;

    /// <summary>MiniLM with <paramref name="tuning"/>'s changes, made on first use and kept (one per tuning).</summary>
    public ITextEmbedder Tuned(QuestionTuning tuning) =>
        tuned is null ? Words : _tuned.GetOrAdd(tuning.Key, _ => new Lazy<ITextEmbedder>(() => tuned(tuning))).Value;

    public ITextEmbedder? Retrieval { get; } = retrieval;

    /// <summary>
    /// The model that reads questions with the models in use (MiniLM tuned for questions when they have a tuning): it
    /// reads an article's labelled questions too, so a question meets them in its own reading.
    /// </summary>
    public ITextEmbedder Questions { get; } = questions ?? words;

    /// <summary>
    /// MiniLM (and, when asked for, the retrieval model), each loaded on first use; <paramref name="inferenceDone"/> is
    /// told after each of their inferences. With <paramref name="questionTuning"/> (the models in use read questions
    /// with it), one MiniLM session reads both: articles tuned as well when the tuning reads articles, else plainly
    /// (<see cref="SentenceModel.Plain"/>).
    /// </summary>
    public static Encoders Production(int inferenceThreads, bool withRetrievalModel = false, Action? inferenceDone = null, QuestionTuning? questionTuning = null)
    {
        var miniLm = new SentenceModel(SentenceModelKind.MiniLm, inferenceThreads, inferenceDone: inferenceDone, tuning: questionTuning);
        return new(
            questionTuning is { ReadsArticles: true } ? miniLm : miniLm.Plain,
            withRetrievalModel ? new SentenceModel(SentenceModelKind.ArcticXs, inferenceThreads, inferenceDone: inferenceDone) : null,
            tuning => tuning.Key == questionTuning?.Key ? miniLm : new SentenceModel(SentenceModelKind.MiniLm, inferenceThreads, inferenceDone: inferenceDone, tuning: tuning),
            questionTuning is null ? miniLm.Plain : miniLm);
    }

    /// <summary>
    /// These encoders as the models in use read: with a <paramref name="tuning"/> that reads articles too, its model
    /// reads articles and questions; otherwise these. The result shares this one's models and must not be disposed.
    /// </summary>
    public Encoders ReadingWith(QuestionTuning? tuning) =>
        tuning is { ReadsArticles: true } && !ReferenceEquals(Tuned(tuning), Words) ? new Encoders(Tuned(tuning), Retrieval, questions: Tuned(tuning)) : this;

    public void EnsureLoaded(CancellationToken cancellationToken)
    {
        Words.EnsureLoaded(cancellationToken);
        Retrieval?.EnsureLoaded(cancellationToken);
    }

    public void Dispose()
    {
        foreach (var model in _tuned.Values.Where(m => m.IsValueCreated))
        {
            (model.Value as IDisposable)?.Dispose();
        }

        (Words as IDisposable)?.Dispose();
        (Retrieval as IDisposable)?.Dispose();
    }
}
