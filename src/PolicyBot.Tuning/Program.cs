using PolicyBot.Cli;
using PolicyBot.Training;
using PolicyBot.Tuning;

// The bot's own commands (train-answerer, ask-eval, ...), with MiniLM tuned for questions instead of the linear adapter.
QuestionTuners.Current = new LoraQuestionTuner(LoraSettings.Default);
return await BotCommandLine.InvokeAsync(args);
