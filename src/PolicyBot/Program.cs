using PolicyBot.Cli;

return await BotCommandLine.InvokeAsync(args);
