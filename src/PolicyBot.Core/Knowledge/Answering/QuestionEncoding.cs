using PolicyBot.Core.Knowledge.Embedding;
using PolicyBot.Core.Knowledge.Text;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>A question as read against one article, and its vectors from each model.</summary>
/// <param name="Words">The <see cref="Encoders.Words"/> model's encoding of <see cref="QuestionText.Clean"/>, with word vectors.</param>
/// <param name="Retrieval">The <see cref="Encoders.Retrieval"/> model's vector of the clean question, when that model is used.</param>
/// <param name="Whole">The <see cref="Encoders.Questions"/> model's vector of the question: what labelled questions, read by it too, are compared with.</param>
public sealed record QuestionEncoding(QuestionText Text, EncodedText Words, float[]? Retrieval, float[] Whole);
