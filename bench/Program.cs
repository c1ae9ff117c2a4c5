using Kuril.Bench;

if (await ShippedRuntime.RelaunchAsync(args) is { } exitCode) return exitCode;
return await BenchRunner.RunAsync(args, Console.Out);
