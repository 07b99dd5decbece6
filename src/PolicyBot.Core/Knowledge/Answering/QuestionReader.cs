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
    /// MiniLM tuned for questions (<see cref="QuestionTuning"/>): when given, it reads the question instead of
    /// <see cref="Encoders.Words"/> (the same model when the tuning reads articles too), and its vector is also measured
    /// against the null score (<see cref="QuestionEvidence.Adapt(float[], double)"/>).
    /// </param>
    public async Task<QuestionEvidence> ExamineAsync(string question, Article article, CancellationToken cancellationToken, QuestionTuning? tuning = null)
    {
        var index = await indexes.GetAsync(article, cancellationToken).ConfigureAwait(false);
        var text = repair ? QuestionText.Read(question, index.Text.Vocabulary) : QuestionText.AsTyped(question);
        var encoders = indexes.Encoders;

        // Labelled questions were read by Encoders.Questions, which is the reader in production: one model run. Another
        // reader (a stage left out in an evaluation) meets them read alike, on another thread while its own runs.
        var reader = tuning is null ? encoders.Words : encoders.Tuned(tuning);
        var asLabelled = index.Bank.Count > 0 && !ReferenceEquals(reader, encoders.Questions)
            ? Task.Run(() => Encode(encoders.Questions, text.Clean, withWords: false, cancellationToken).Vector, cancellationToken)
            : null;
        var words = Encode(reader, text.Clean, withWords: true, cancellationToken);
        var retrieval = encoders.Retrieval is { } model ? Encode(model, text.Clean, withWords: false, cancellationToken).Vector : null;
        var whole = asLabelled is null ? words.Vector : await asLabelled.ConfigureAwait(false);
        var evidence = QuestionEvidence.Gather(index, new QuestionEncoding(text, words, retrieval, whole));
        if (tuning is not null)
        {
            evidence.Adapt(words.Vector, tuning.NullScore);
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
