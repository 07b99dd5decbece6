using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Tests.Chat;

public sealed class IdentifyingTextTests
{
    [Theory]
    [InlineData("ye\u200Bs", "yes")]                          // zero-width space
    [InlineData("\u200B", "")]                                // nothing but one
    [InlineData("\uFEFFyes\u2060", "yes")]                     // BOM, word joiner
    [InlineData("Lift \u202Esnoitcnas\u202C", "Lift snoitcnas")] // right-to-left override and pop
    [InlineData("\u2066isolated\u2069 \u200Emarked\u200F", "isolated marked")]
    [InlineData("a\0b\u0007c\u001B[31md\u009B", "abc[31md")]  // NUL, BEL, ESC, C1 CSI
    [InlineData("  two \t\n words\u00A0\u2028here  ", "two words here")]
    [InlineData("cafe\u0301", "café")]                          // composed to NFC
    [InlineData("soft\u00ADhyphen", "softhyphen")]
    public void Invisible_and_control_characters_go_whitespace_collapses_and_text_composes(string typed, string expected)
    {
        Assert.Equal(expected, IdentifyingText.Normalize(typed));
    }

    [Fact]
    public void A_lone_surrogate_which_nothing_can_encode_becomes_a_replacement_character()
    {
        Assert.Equal("\uFFFDlone", IdentifyingText.Normalize(new string(['\uD800', 'l', 'o', 'n', 'e'])));
    }

    [Fact]
    public void A_zero_width_joiner_inside_an_emoji_stays()
    {
        const string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";

        Assert.Equal(family, IdentifyingText.Normalize(family));
        Assert.Equal("ab", IdentifyingText.Normalize("a\u200Db"));
    }

    [Theory]
    [InlineData("Yes", "yes")]
    [InlineData("ｙｅｓ", "YES")]
    [InlineData("ﬁnal", "final")]
    public void Keys_fold_case_and_compatibility_forms(string one, string other)
    {
        Assert.Equal(IdentifyingText.Key(IdentifyingText.Normalize(one)), IdentifyingText.Key(IdentifyingText.Normalize(other)));
    }
}
