using System.Collections.Immutable;
using PolicyBot.Core.Knowledge.Embedding;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// An article's labelled questions (<see cref="LabelledQuestion"/>: its questions file and its positions' example
/// questions) with their vectors. A new question's nearest labelled questions vote for the paragraph they cite, or for
/// a decline: members ask about the same few points again and again in new words, and a sentence-embedding model
/// matches a question with a question far more sharply than with a passage.
/// </summary>
public sealed class QuestionBank
{
    private readonly LabelledQuestion[] _questions;
    private readonly float[][] _vectors;
    private readonly LabelledQuestionOptions _options;

    /// <param name="questions">The labelled questions.</param>
    /// <param name="vectors">Their vectors, in the same order.</param>
    /// <param name="heldOut">
    /// Vectors of questions being measured: labelled questions that are one of them, or a copy in other case or
    /// punctuation, do not vote, so an evaluation scores questions the answerer has not been told about.
    /// </param>
    public QuestionBank(IReadOnlyList<LabelledQuestion> questions, IReadOnlyList<float[]> vectors, LabelledQuestionOptions options, IReadOnlyList<float[]>? heldOut = null)
    {
        if (questions.Count != vectors.Count)
        {
            throw new ArgumentException($"{questions.Count} questions but {vectors.Count} vectors.", nameof(vectors));
        }

        var kept = Enumerable.Range(0, questions.Count)
            .Where(i => heldOut is null || !heldOut.Any(h => Vectors.Similarity(h, vectors[i]) >= options.CopySimilarity))
            .ToArray();
        _questions = [.. kept.Select(i => questions[i])];
        _vectors = [.. kept.Select(i => vectors[i])];
        _options = options;

    }

    public static QuestionBank Empty { get; } = new([], [], new LabelledQuestionOptions());

    /// <summary>The labelled questions that vote (held-out ones excluded).</summary>
    public int Count => _questions.Length;

    /// <summary>The questions an article's bank holds: its questions file, then its positions' example questions.</summary>
    public static ImmutableArray<LabelledQuestion> QuestionsOf(Article article) =>
    [
        .. article.LabelledQuestions,
        .. article.Positions.SelectMany(p => p.Questions.Select(q => new LabelledQuestion(q, p.Paragraphs))),
    ];

    /// <summary>The vote of the labelled questions nearest to <paramref name="question"/> (a unit vector), or null when there are none.</summary>
    public BankVote? Vote(float[] question)
    {
        var nearest = new PriorityQueue<int, float>(_options.Neighbours + 1);
        for (var i = 0; i < _vectors.Length; i++)
        {
            var similarity = Vectors.Similarity(question, _vectors[i]);
            if (nearest.Count < _options.Neighbours)
            {
                nearest.Enqueue(i, similarity);
            }
            else if (nearest.TryPeek(out _, out var least) && similarity > least)
            {
                nearest.DequeueEnqueue(i, similarity); // replaces the least similar so far
            }
        }

        var shares = new Dictionary<int, double>();
        var closeBackers = new Dictionary<int, int>();
        var declineWeight = 0.0;
        var totalWeight = 0.0;
        var closest = double.MinValue;
        while (nearest.TryDequeue(out var i, out var similarity))
        {
            closest = Math.Max(closest, similarity);
            var weight = Math.Pow(Math.Max(similarity, 0), _options.Sharpness);
            totalWeight += weight;
            if (!_questions[i].OnTopic)
            {
                declineWeight += weight;
                continue;
            }

            // A question citable from several paragraphs backs each of them in full: any of them answers it.
            foreach (var paragraph in _questions[i].Paragraphs)
            {
                shares[paragraph] = shares.GetValueOrDefault(paragraph) + weight;
                if (similarity >= _options.CloseBackerSimilarity)
                {
                    closeBackers[paragraph] = closeBackers.GetValueOrDefault(paragraph) + 1;
                }
            }
        }

        if (totalWeight <= 0)
        {
            return null;
        }

        var (best, weightOfBest) = shares.Count == 0
            ? (0, 0.0)
            : shares.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).First();
        return new BankVote(best, weightOfBest / totalWeight, declineWeight / totalWeight, closest, closeBackers.GetValueOrDefault(best), _options)
        {
            Shares = shares.ToImmutableDictionary(kv => kv.Key, kv => kv.Value / totalWeight),
        };
    }
}
