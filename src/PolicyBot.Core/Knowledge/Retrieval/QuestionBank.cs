using System.Collections.Immutable;

namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// The article's labelled questions (<see cref="LabelledQuestion"/>) with their embeddings. A new question's nearest
/// labelled questions vote for the paragraph they cite, or for a decline: people ask about the same few points again
/// and again in new words, and MiniLM matches a question with a question far more sharply than with a passage.
/// </summary>
public sealed class QuestionBank
{
    // Ten neighbours, weighted by similarity to the 20th power: a near-paraphrase (0.95: weight 0.36) outvotes a
    // loosely related question (0.7: weight 0.0008), so the vote is decided by the closest few. Measured by leaving
    // each question set out in turn (docs/PERFORMANCE.md); 20 neighbours and powers 1 to 10 did worse.
    private const int Neighbours = 10;
    private const double Sharpness = 20;

    // A labelled question this close to a held-out one is a copy of it in other case, punctuation or spelling
    // ("U.S." / "US"): it is held out too.
    private const float CopySimilarity = 0.97f;

    private readonly LabelledQuestion[] _questions;
    private readonly float[][] _vectors;

    /// <param name="questions">The labelled questions.</param>
    /// <param name="vectors">Their embeddings, in the same order.</param>
    /// <param name="heldOut">
    /// Embeddings of questions being measured: labelled questions that are the same or a copy of one do not vote, so an
    /// evaluation scores questions the answerer has not been told about.
    /// </param>
    public QuestionBank(IReadOnlyList<LabelledQuestion> questions, IReadOnlyList<float[]> vectors, IReadOnlyList<float[]>? heldOut = null)
    {
        if (questions.Count != vectors.Count)
        {
            throw new ArgumentException($"{questions.Count} questions but {vectors.Count} vectors.", nameof(vectors));
        }

        var kept = Enumerable.Range(0, questions.Count)
            .Where(i => heldOut is null || !heldOut.Any(h => SemanticIndex.Similarity(h, vectors[i]) >= CopySimilarity))
            .ToArray();
        _questions = [.. kept.Select(i => questions[i])];
        _vectors = [.. kept.Select(i => vectors[i])];
    }

    public static QuestionBank Empty { get; } = new([], []);

    /// <summary>The labelled questions that vote (held-out ones excluded).</summary>
    public int Count => _questions.Length;

    /// <summary>The vote of the labelled questions nearest to <paramref name="question"/> (a unit vector), or null when there are none.</summary>
    /// <remarks>
    /// Letting only labelled questions that ask for the same kind of fact vote (<see cref="AnswerKinds.Of"/>) cost 8
    /// declines for 2 answers over all sets: the kinds are detected from wording, and "What is Kim Jong-un's age?" and
    /// "How old is Kim Jong-un?" did not always agree.
    /// </remarks>
    public BankVote? Vote(float[] question)
    {
        var nearest = new PriorityQueue<int, float>(Neighbours + 1);
        for (var i = 0; i < _vectors.Length; i++)
        {
            var similarity = SemanticIndex.Similarity(question, _vectors[i]);
            if (nearest.Count < Neighbours)
            {
                nearest.Enqueue(i, similarity);
            }
            else if (nearest.TryPeek(out _, out var least) && similarity > least)
            {
                nearest.DequeueEnqueue(i, similarity); // replaces the least similar so far
            }
        }

        var paragraphVotes = new Dictionary<int, double>();
        var closeBackers = new Dictionary<int, int>();
        var declineVotes = 0.0;
        var totalWeight = 0.0;
        var closest = double.MinValue;
        while (nearest.TryDequeue(out var i, out var similarity))
        {
            closest = Math.Max(closest, similarity);
            var weight = Math.Pow(Math.Max(similarity, 0), Sharpness);
            totalWeight += weight;
            var labelled = _questions[i];
            if (!labelled.OnTopic)
            {
                declineVotes += weight;
                continue;
            }

            // A question citable from several paragraphs backs each of them in full: any of them answers it. The
            // questions nearest to "What does the author consider unrealistic?" are nearly all labelled ¶4 and ¶6;
            // split, each paragraph got half the weight, below any majority (docs/PERFORMANCE.md).
            foreach (var paragraph in labelled.Paragraphs)
            {
                paragraphVotes[paragraph] = paragraphVotes.GetValueOrDefault(paragraph) + weight;
                if (similarity >= BankVote.CloseBackerSimilarity)
                {
                    closeBackers[paragraph] = closeBackers.GetValueOrDefault(paragraph) + 1;
                }
            }
        }

        if (totalWeight <= 0)
        {
            return null;
        }

        var (best, votes) = paragraphVotes.Count == 0
            ? (0, 0.0)
            : paragraphVotes.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).First();
        return new BankVote(best, votes / totalWeight, declineVotes / totalWeight, closest, closeBackers.GetValueOrDefault(best))
        {
            Shares = paragraphVotes.ToImmutableDictionary(kv => kv.Key, kv => kv.Value / totalWeight),
        };
    }

    /// <summary>The texts to embed, in the order the constructor expects their vectors.</summary>
    public static ImmutableArray<string> Texts(Article article) => [.. article.LabelledQuestions.Select(q => q.Question)];
}
