using System.Globalization;
using System.Text;

namespace PolicyBot.Core.Chat;

/// <summary>
/// Text that identifies something (a poll's question and options, and the option a vote names): what two people see as
/// the same text must be the same text. <see cref="Normalize"/> removes what cannot be seen (control characters,
/// zero-width and bidirectional controls and other format characters; a zero-width joiner between two emoji stays, it
/// builds one emoji), reads blank letters (Hangul fillers, the blank Braille pattern) as spaces, collapses whitespace and
/// composes to NFC; <see cref="Key"/> also folds case and compatibility
/// forms, for telling duplicates apart ("Yes" and "ｙｅｓ" are one option).
/// </summary>
public static class IdentifyingText
{
    private const int ZeroWidthJoiner = 0x200D;
    private const int EmojiPresentation = 0xFE0F;

    public static string Normalize(string text)
    {
        var runes = text.EnumerateRunes().ToArray(); // lone surrogates come out as U+FFFD
        var kept = new StringBuilder(text.Length);
        var space = false;
        for (var i = 0; i < runes.Length; i++)
        {
            var rune = runes[i];
            if (Rune.IsWhiteSpace(rune) || IsBlankLetter(rune.Value))
            {
                space = kept.Length > 0;
                continue;
            }

            if (Rune.IsControl(rune) || (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format && !JoinsEmoji(runes, i)))
            {
                continue;
            }

            if (space)
            {
                kept.Append(' ');
                space = false;
            }

            kept.Append(rune.ToString());
        }

        return kept.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The comparison key of normalized text: compatibility forms and case folded.</summary>
    public static string Key(string normalized) => normalized.Normalize(NormalizationForm.FormKC).ToUpperInvariant();

    // Letters and symbols that render as nothing: Hangul fillers, the blank Braille pattern.
    private static bool IsBlankLetter(int c) => c is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;

    private static bool JoinsEmoji(Rune[] runes, int index) =>
        runes[index].Value == ZeroWidthJoiner && index > 0 && index < runes.Length - 1 && IsEmojiPart(runes[index - 1]) && IsEmojiPart(runes[index + 1]);

    private static bool IsEmojiPart(Rune rune) =>
        rune.Value == EmojiPresentation || Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol;
}
