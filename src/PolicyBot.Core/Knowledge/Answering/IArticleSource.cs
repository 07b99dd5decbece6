namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>Where the articles loaded now come from: the bot's <see cref="ArticleCatalog"/>, or a fixed set for tools.</summary>
public interface IArticleSource
{
    ArticleLibrary Current { get; }
}

/// <summary>A library that never changes (command-line tools, evaluations, tests).</summary>
public sealed class FixedArticles(ArticleLibrary library) : IArticleSource
{
    public ArticleLibrary Current => library;
}
