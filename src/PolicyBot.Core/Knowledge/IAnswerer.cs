namespace PolicyBot.Core.Knowledge;

/// <summary>Answers a question from the loaded articles.</summary>
public interface IAnswerer
{
    /// <param name="articleSlug">Restrict to one article; null searches every loaded article (or the default one).</param>
    Task<Answer> AnswerAsync(string question, string? articleSlug, CancellationToken cancellationToken);
}
