using Kuril.Bench;

return await BenchRunner.RunAsync(args, Console.Out);
