using System.Diagnostics;
using System.Text;

namespace Kuril.Bot.Tests.Support;

/// <summary>Runs the built bot (<c>dotnet Kuril.Bot.dll …</c>) from the repository root, as a user would.</summary>
internal static class BotProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The bot's assembly: copied beside the tests by the project reference, else in the Bot project's output.</summary>
    public static string BotDll
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "Kuril.Bot.dll");
            if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json"))) return beside;
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
            return Path.Combine(RepoPaths.Root, "src", "Bot", "bin", configuration, "net10.0", "Kuril.Bot.dll");
        }
    }

    /// <summary>
    /// Starts the bot with <paramref name="arguments"/> and <paramref name="environment"/> added to its environment,
    /// and returns at once, its output redirected.
    /// </summary>
    public static Process Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = StartInfo(arguments);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>Runs the bot with <paramref name="arguments"/>, feeding <paramref name="input"/> to standard input.</summary>
    public static async Task<BotProcessResult> RunAsync(IEnumerable<string> arguments, string? input = null)
    {
        using var process = Start(arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            if (input is not null) await process.StandardInput.WriteAsync(input.AsMemory(), timeout.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The bot did not exit within {Timeout.TotalSeconds} s: {string.Join(' ', arguments)}\n{await error}");
        }

        return new BotProcessResult(process.ExitCode, await output, await error);
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BotDll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        return start;
    }
}
