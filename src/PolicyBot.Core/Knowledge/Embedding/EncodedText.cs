namespace PolicyBot.Core.Knowledge.Embedding;

/// <summary>
/// A text as a sentence-embedding model sees it: one unit-length vector for the whole text and, when asked for, one
/// unit-length vector per word (the mean of its word pieces in context), for matching a question word by word.
/// </summary>
/// <param name="Words">The text's words as the model's tokenizer splits them, lower-cased; empty unless asked for.</param>
/// <param name="WordVectors">Aligned with <paramref name="Words"/>.</param>
public sealed record EncodedText(float[] Vector, string[] Words, float[][] WordVectors)
{
    public static EncodedText Of(float[] vector) => new(vector, [], []);
}
