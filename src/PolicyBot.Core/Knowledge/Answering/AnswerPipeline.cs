using System.Collections.Immutable;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Knowledge.Text;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// Answers a question about any article with no knowledge written for it: the question is read against the article
/// (<see cref="QuestionText"/>), measured against every paragraph (<see cref="QuestionEvidence"/>), the learned ranker
/// orders the paragraphs, the learned answerability model decides whether the best one answers at all, and, where the
/// article has labelled questions, their vote may overrule both. The answer quotes the chosen paragraph verbatim and
/// says whose view it is (<see cref="Position"/>). See <see cref="AnswerStages"/> for the stages by name.
/// </summary>
public sealed class AnswerPipeline(
    IArticleSource articles, ArticleIndexes indexes, AnswerModels models, AnsweringOptions options, AnswerStages stages = AnswerStages.All) : IAnswerer
{
    private readonly QuestionReader _reader = new(indexes, stages.HasFlag(AnswerStages.Repair));

    public AnswerStages Stages => stages;

    public async Task<Answer> AnswerAsync(string question, string? articleSlug, CancellationToken cancellationToken)
    {
        question = question.Trim();
        var chosen = ArticlesFor(articleSlug);
        if (chosen.Count == 0)
        {
            return new Answer(question, true, "No article is loaded yet; add one to the articles folder and ask again.", [], null, null, new AnswerSignals(0, "no articles"));
        }

        if (chosen.Count == 1 && BylineQuestions.TryAnswer(question, chosen[0]) is { } byline)
        {
            return byline;
        }

        // Questions about the piece as a whole, or about whom it reports, name no topic: whichever paragraph the stages
        // rank first is chance, so the thesis, or the positions held by others, answer them. An article with labelled
        // questions lets them decide first, as for any question: they may say where its main points are.
        if (chosen.Count == 1 && await TopicFreeAnswerAsync(question, chosen[0], beforeStages: true, cancellationToken).ConfigureAwait(false) is { } whole)
        {
            return whole;
        }

        Judgement? best = null;
        Judgement? firstDecline = null;
        foreach (var article in chosen)
        {
            var judgement = Judge(await ExamineAsync(question, article, cancellationToken).ConfigureAwait(false));
            if (judgement.Answered && (best is null || judgement.Answerability > best.Answerability))
            {
                best = judgement;
            }

            firstDecline ??= judgement;
        }

        if (best is not null)
        {
            return Compose(question, best);
        }

        return chosen.Count == 1 && await TopicFreeAnswerAsync(question, chosen[0], beforeStages: false, cancellationToken).ConfigureAwait(false) is { } fallback
            ? fallback
            : Decline(question, chosen, firstDecline!);
    }

    /// <summary>
    /// The thesis for a gist question, the views of others for a question about them; null for other questions, and
    /// <paramref name="beforeStages"/> for an article whose labelled questions should vote first.
    /// </summary>
    private async Task<Answer?> TopicFreeAnswerAsync(string question, Article article, bool beforeStages, CancellationToken cancellationToken)
    {
        var (gist, reported) = (GistQuestions.Asks(question), ReportedViews.Asks(question));
        if (!gist && !reported)
        {
            return null;
        }

        var index = await indexes.GetAsync(article, cancellationToken).ConfigureAwait(false);
        if (beforeStages && stages.HasFlag(AnswerStages.LabelledQuestions) && index.Bank.Count > 0)
        {
            return null;
        }

        return gist ? GistQuestions.Compose(question, index) : ReportedViews.TryCompose(question, index);
    }

    /// <summary>Every stage's measurements of <paramref name="question"/> against <paramref name="article"/>.</summary>
    public async Task<QuestionEvidence> ExamineAsync(string question, Article article, CancellationToken cancellationToken)
    {
        var tuning = stages.HasFlag(AnswerStages.QuestionAdapter) ? models.Tuning : null;
        var evidence = await _reader.ExamineAsync(question, article, cancellationToken, tuning).ConfigureAwait(false);
        if (tuning is null && stages.HasFlag(AnswerStages.QuestionAdapter) && models.Adapter is { } adapter)
        {
            evidence.Adapt(adapter);
        }

        return evidence;
    }

    /// <summary>Ranks the paragraphs, decides whether the article answers, and lets labelled questions overrule.</summary>
    public Judgement Judge(QuestionEvidence evidence)
    {
        var rows = AnswerFeatures.Paragraphs(evidence, stages);
        var ranking = rows.Select((row, i) => (Paragraph: i + 1, Score: stages.HasFlag(AnswerStages.Ranker) ? models.Ranker.Score(row) : PlainScore(evidence, i)))
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Paragraph)
            .ToImmutableArray();
        var (top, topScore) = ranking[0];
        var margin = ranking.Length > 1 ? topScore - ranking[1].Score : topScore;
        var probability = stages.HasFlag(AnswerStages.Answerability)
            ? models.Answerability.Probability(AnswerFeatures.Answerability(evidence, stages, top, topScore, margin))
            : 1;
        var answered = probability >= options.DeclineBelow;
        var reason = answered ? "answered" : $"answerability {probability:F2} is below {options.DeclineBelow:F2}";

        var bank = evidence.Index.Bank;
        // A vote does not answer what the answerability stage declined: on the seed's held-out questions that answered
        // 1.5 % more of the answerable ones and declined 8.3 % fewer of the others (docs/ASK.md).
        if (answered && stages.HasFlag(AnswerStages.LabelledQuestions) && bank.Count > 0 && bank.Vote(evidence.Question.Whole) is { } vote)
        {
            if (vote.SaysDecline)
            {
                return new Judgement(evidence, ranking, top, probability, false, true, "the closest labelled questions are ones the article does not answer");
            }

            if (vote.ParagraphToCiteInstead(top) is { } paragraph)
            {
                return new Judgement(evidence, ranking, paragraph, probability, true, true, "answered like the closest labelled questions");
            }
        }

        return new Judgement(evidence, ranking, top, probability, answered, false, reason);
    }

    // Without the ranker: the models' best-sentence similarities and the rarity-weighted word share, added.
    private static double PlainScore(QuestionEvidence e, int p) =>
        e.Words.BestSentence[p] + (e.Retrieval?.BestSentence[p] ?? 0) + (0.5 * e.Cover[p]);

    private Answer Compose(string question, Judgement judgement)
    {
        var evidence = judgement.Evidence;
        var index = evidence.Index;
        var cited = new List<int> { judgement.Cited };
        if (!judgement.Voted && judgement.Ranking.Length > 1
            && judgement.Ranking[1].Score >= judgement.Ranking[0].Score - options.SecondCitationMargin)
        {
            cited.Add(judgement.Ranking[1].Paragraph);
        }

        var citations = cited.Select(p => AnswerComposer.Quote(index.Text, p, s => Closeness(evidence, p, s))).ToImmutableArray();
        var position = index.PositionFor(judgement.Cited);
        var summary = position?.Summary ?? $"Paragraph {judgement.Cited} of “{index.Article.Title}” is the closest passage.";
        var signals = new AnswerSignals(judgement.Answerability, judgement.Reason) { Candidates = [.. judgement.Ranking.Take(3)] };
        return new Answer(question, false, summary, citations, index.Article, position, signals);
    }

    private static double Closeness(QuestionEvidence evidence, int paragraph, int sentence)
    {
        var order = evidence.Index.Text.SentenceOrder;
        var k = order.IndexOf(new SentenceRef(paragraph, sentence));
        return evidence.SentenceCloseness[k];
    }

    private Answer Decline(string question, IReadOnlyList<Article> chosen, Judgement judgement)
    {
        var signals = new AnswerSignals(judgement.Answerability, judgement.Reason) { Candidates = [.. judgement.Ranking.Take(3)] };
        var explanation = chosen.Count == 1 ? UnknownName(judgement.Evidence) is { } name ? $"the article never mentions “{name}”" : null : null;
        return AnswerComposer.Decline(question, chosen, signals, explanation);
    }

    // A name the article never mentions ("What does Merkel think?"): the plainest reason to give.
    private static string? UnknownName(QuestionEvidence evidence) =>
        evidence.UnknownName is { } name ? MentionGuard.Defuse(name) : null;

    private IReadOnlyList<Article> ArticlesFor(string? slug)
    {
        var library = articles.Current;
        if (slug is not null)
        {
            return library.TryGet(slug, out var article) ? [article] : throw new ArgumentException($"No article '{slug}' is loaded.", nameof(slug));
        }

        return library.Default is { } only ? [only] : library.Articles;
    }
}
