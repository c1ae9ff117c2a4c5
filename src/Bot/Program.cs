using Kuril.Bot.Cli;

return await BotCommandLine.InvokeAsync(args);
