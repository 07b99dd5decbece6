using PolicyBot.Cli;
using PolicyBot.Training;
using PolicyBot.Tuning;

// The bot's own commands (train-answerer, ask-eval, ...), with MiniLM tuned for questions and articles instead of the
// linear adapter; tuning-check compares the two ways of tuning in the first check (TuningCheck).
if (args.Length > 0 && args[0] == "tuning-check")
{
    return await TuningCheck.RunAsync(args[1..]);
}

QuestionTuners.Current = new LoraQuestionTuner(LoraSettings.Default);
return await BotCommandLine.InvokeAsync(args);
