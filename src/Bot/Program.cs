using Kuril.Bot.Cli;

return await BotCommandLine.Create().Parse(args).InvokeAsync();
