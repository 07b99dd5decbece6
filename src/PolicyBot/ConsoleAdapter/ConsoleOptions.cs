using System.ComponentModel.DataAnnotations;

namespace PolicyBot.ConsoleAdapter;

/// <summary>Configuration section <c>Console</c>.</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "Console";

    /// <summary>Who you are when a line has no <c>name&gt;</c> prefix. This local user is an admin.</summary>
    [Required(ErrorMessage = "Console:UserName is required: 1 to 32 ASCII letters, digits, _, . or -, such as you.")]
    [RegularExpression("^[A-Za-z0-9_.-]{1,32}$",
        ErrorMessage = "Console:UserName must be 1 to 32 ASCII letters, digits, _, . or -, such as you.")]
    public string UserName { get; set; } = "you";

    /// <summary>Where attachments (charts, CSV exports) are written so you can open them.</summary>
    [Required(ErrorMessage = "Console:AttachmentsPath is required: the folder attachments are written to, such as data/attachments.")]
    public string AttachmentsPath { get; set; } = "data/attachments";
}
