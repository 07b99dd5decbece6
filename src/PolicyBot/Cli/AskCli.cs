using System.Text.Encodings.Web;
using System.Text.Json;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Answering;

namespace PolicyBot.Cli;

/// <summary>
/// <c>PolicyBot ask [--json] [question]</c>: answers from the articles without starting the bot or opening a database.
/// With no question it reads one question per line from <paramref name="input"/> and answers each, in order. With
/// <c>--json</c> every answer is one line:
/// <c>{"question": s, "declined": b, "answer": s, "citations": [{"article": slug, "paragraph": n, "quote": s}]}</c>,
/// the first citation being the primary one; every quote is verbatim in the paragraph it cites.
/// Only answers go to <paramref name="output"/>; nothing is logged there.
/// </summary>
public static class AskCli
{
    private static readonly JsonWriterOptions JsonLine = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static async Task<int> RunAsync(string? articlesPath, string? question, bool json, TextReader input, TextWriter output, CancellationToken ct)
    {
        var articles = CliArticles.Load(articlesPath);
        var options = articles.Options;
        using var encoders = articles.NewEncoders();
        var indexes = articles.NewIndexes(encoders);
        var answerer = new AnswerPipeline(new FixedArticles(articles.Library), indexes, AnswerModels.Shipped, articles.Answering);

        // Prepare the articles while the first question is being read.
        indexes.Track(articles.Library);
        if (question is not null)
        {
            await AnswerOneAsync(answerer, question, json, options.MaxQuestionLength, output, ct).ConfigureAwait(false);
        }
        else
        {
            while (await input.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
            {
                if (line.Trim().Length > 0)
                {
                    await AnswerOneAsync(answerer, line, json, options.MaxQuestionLength, output, ct).ConfigureAwait(false);
                }
            }
        }

        return 0;
    }

    private static async Task AnswerOneAsync(IAnswerer answerer, string question, bool json, int maxLength, TextWriter output, CancellationToken ct)
    {
        question = question.Trim();
        var answer = question.Length > maxLength
            ? new Answer(question, true, $"That question is {question.Length:N0} characters long; please keep it under {maxLength:N0}.", [], null, null, new AnswerSignals(0, "too long"))
            : await answerer.AnswerAsync(question, articleSlug: null, ct).ConfigureAwait(false);
        if (json)
        {
            await output.WriteLineAsync(ToJsonLine(answer)).ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync($"Q: {MentionGuard.Defuse(question)}").ConfigureAwait(false);
            await output.WriteLineAsync(PlainTextReplyFormatter.Format(AnswerReplyBuilder.Build(answer, answerId: null))).ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
        }

        await output.FlushAsync(ct).ConfigureAwait(false);
    }

    public static string ToJsonLine(Answer answer)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonLine))
        {
            writer.WriteStartObject();
            writer.WriteString("question", answer.Question);
            writer.WriteBoolean("declined", answer.Declined);
            writer.WriteString("answer", answer.Text);
            writer.WriteStartArray("citations");
            foreach (var citation in answer.Citations)
            {
                writer.WriteStartObject();
                writer.WriteString("article", citation.ArticleSlug);
                writer.WriteNumber("paragraph", citation.Paragraph);
                writer.WriteString("quote", citation.Quote);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
