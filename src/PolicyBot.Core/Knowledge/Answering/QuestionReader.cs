using System.Collections.Concurrent;
using PolicyBot.Core.Knowledge.Embedding;
using PolicyBot.Core.Knowledge.Text;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// Reads a question against an article: repairs its wording (<see cref="QuestionText"/>, unless
/// <paramref name="repair"/> is off), encodes it with each model, and gathers the <see cref="QuestionEvidence"/> every
/// later stage works from. Encodings are kept for repeated questions.
/// </summary>
public sealed class QuestionReader(ArticleIndexes indexes, bool repair = true)
{
    // A question takes one entry per model and per article wording, about 25 KB with its word vectors: enough for the
    // questions a channel repeats, small enough that a full cache stays near 6 MB.
    private const int EncodingCacheSize = 256;

    private readonly ConcurrentDictionary<(ITextEmbedder Model, string Text, bool WithWords), EncodedText> _encodings = new();

    public ArticleIndexes Indexes => indexes;

    /// <param name="tuning">
    /// Also read the question with MiniLM tuned for questions (<see cref="QuestionEvidence.Adapt(float[], double)"/>),
    /// on another thread while plain MiniLM reads it, so an answer waits for one model run, not two.
    /// </param>
    public async Task<QuestionEvidence> ExamineAsync(string question, Article article, CancellationToken cancellationToken, QuestionTuning? tuning = null)
    {
        var index = await indexes.GetAsync(article, cancellationToken).ConfigureAwait(false);
        var text = repair ? QuestionText.Read(question, index.Text.Vocabulary) : QuestionText.AsTyped(question);
        var encoders = indexes.Encoders;
        var tuned = tuning is null ? null : Task.Run(() => Encode(encoders.Tuned(tuning), text.Clean, withWords: false, cancellationToken).Vector, cancellationToken);
        var words = Encode(encoders.Words, text.Clean, withWords: true, cancellationToken);
        var retrieval = encoders.Retrieval is { } model ? Encode(model, text.Clean, withWords: false, cancellationToken).Vector : null;
        var whole = index.Bank.Count == 0 || text.Repaired == text.Clean ? words.Vector : Encode(encoders.Words, text.Repaired, withWords: false, cancellationToken).Vector;
        var evidence = QuestionEvidence.Gather(index, new QuestionEncoding(text, words, retrieval, whole));
        if (tuned is not null)
        {
            evidence.Adapt(await tuned.ConfigureAwait(false), tuning!.NullScore);
        }

        return evidence;
    }

    private EncodedText Encode(ITextEmbedder model, string text, bool withWords, CancellationToken cancellationToken)
    {
        if (_encodings.TryGetValue((model, text, withWords), out var cached))
        {
            return cached;
        }

        var encoded = model.Encode([text], asQuery: true, withWords, cancellationToken)[0];
        if (_encodings.Count >= EncodingCacheSize)
        {
            _encodings.Clear(); // Crude but bounded; a popular question is encoded again once, then kept.
        }

        _encodings[(model, text, withWords)] = encoded;
        return encoded;
    }
}
