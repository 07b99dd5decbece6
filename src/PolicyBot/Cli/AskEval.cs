using System.Globalization;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Evaluation;
using PolicyBot.Core.Knowledge.Retrieval;

namespace PolicyBot.Cli;

/// <summary>
/// <c>PolicyBot ask-eval [--baseline] &lt;questions.jsonl&gt;</c>: prints on-topic accuracy (primary citation in the
/// expected paragraphs), the off-topic decline rate and the number of fabricated quotes, then each miss.
/// <c>--baseline</c> measures plain BM25 over paragraphs instead, so the hybrid answerer's gain is visible.
/// Exit code 0 when the targets (95 %, 95 %, no fabricated quote) are met, 1 otherwise. The file's questions, and
/// labelled copies of them, are held out of the articles' labelled questions (<see cref="QuestionBank"/>), so adding a
/// measured set to the labelled questions does not inflate its own figure.
/// </summary>
public static class AskEval
{
    public static async Task<int> RunAsync(string? articlesPath, string jsonlPath, bool baseline, TextWriter output, CancellationToken ct, string? featuresPath = null)
    {
        var report = await EvaluateAsync(articlesPath, jsonlPath, baseline, ct).ConfigureAwait(false);
        if (featuresPath is not null)
        {
            await EvalFeatures.WriteAsync(report, featuresPath, ct).ConfigureAwait(false);
        }

        await output.WriteLineAsync(report.Summary(baseline ? "baseline (BM25 over paragraphs)" : "hybrid (BM25 + MiniLM, positions)")).ConfigureAwait(false);
        foreach (var miss in report.Outcomes.Where(o => !o.Correct || o.FabricatedQuotes > 0))
        {
            var expected = miss.Case.OnTopic ? "¶" + string.Join(",¶", miss.Case.Paragraphs) : "decline";
            var got = miss.Answer.Declined ? $"declined ({miss.Answer.Signals.Reason})" : "¶" + string.Join(",¶", miss.Answer.Citations.Select(c => c.Paragraph));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  miss: \"{miss.Case.Question}\" expected {expected}, got {got}; coverage {miss.Answer.Signals.Coverage:F2}, similarity {miss.Answer.Signals.Semantic:F2}")).ConfigureAwait(false);
            foreach (var candidate in miss.Answer.Signals.Candidates.Take(3))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"      ¶{candidate.Paragraph} score {candidate.Score:F3}: semantic sentence {candidate.SentenceSimilarity:F2} paragraph {candidate.ParagraphSimilarity:F2} position {candidate.PositionSimilarity:F2}; lexical sentence {candidate.SentenceLexical:F2} paragraph {candidate.ParagraphLexical:F2} position {candidate.PositionLexical:F2}; actor {candidate.ActorAgreement}")).ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync($"targets met: {(report.MeetsTargets ? "yes" : "no")}").ConfigureAwait(false);
        return report.MeetsTargets ? 0 : 1;
    }

    public static async Task<EvalReport> EvaluateAsync(string? articlesPath, string jsonlPath, bool baseline, CancellationToken ct)
    {
        var articles = CliArticles.Load(articlesPath);
        var library = articles.Library;
        var cases = await EvalCase.ReadJsonLinesAsync(jsonlPath, ct).ConfigureAwait(false);
        if (baseline)
        {
            return await AnswerEvaluator.EvaluateAsync(new Bm25BaselineAnswerer(library), library, cases, ct).ConfigureAwait(false);
        }

        // The measured questions, and labelled copies of them, are left out of the labelled questions the answerer
        // consults: it must not be scored on questions it has been told the answers to.
        using var embedder = new MiniLmEmbedder(articles.Options.InferenceThreads);
        var answerer = articles.NewAnswerer(embedder, [.. cases.Select(c => c.Question)]);
        return await AnswerEvaluator.EvaluateAsync(answerer, library, cases, ct).ConfigureAwait(false);
    }
}
