using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// Checks <c>Knowledge:Answering:LabelledQuestions</c> at start-up, which the data annotations of
/// <see cref="AnsweringOptions"/> do not reach into, each failure naming its key.
/// </summary>
public sealed class LabelledQuestionOptionsValidator : IValidateOptions<AnsweringOptions>
{
    public ValidateOptionsResult Validate(string? name, AnsweringOptions options)
    {
        if (options.LabelledQuestions is not { } labelled)
        {
            return ValidateOptionsResult.Skip; // [Required] on AnsweringOptions reports it
        }

        var results = new List<ValidationResult>();
        return Validator.TryValidateObject(labelled, new ValidationContext(labelled), results, validateAllProperties: true)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(results.Select(r => r.ErrorMessage ?? $"A setting under {AnsweringOptions.SectionName}:LabelledQuestions is out of its range."));
    }
}
