using System.Diagnostics;

namespace Kuril.Bench;

/// <summary>
/// Runs the bench under the runtime settings the Docker image ships the bot with, so its memory rows measure the bot
/// as deployed. The GC's gen0 budget can only be set before the runtime starts (an environment variable; the
/// runtimeconfig knob is not read for it), so the bench re-launches itself once with it.
/// </summary>
public static class ShippedRuntime
{
    /// <summary>The gen0 budget the image sets (8 MB): without it the GC sizes gen0 from the CPU cache, ~90 MB here.</summary>
    public const string Gen0SizeVariable = "DOTNET_GCgen0size";

    public const string Gen0Size = "0x800000";

    /// <summary>Runs this bench again with the shipped settings and returns its exit code, or null when they are set.</summary>
    public static async Task<int?> RelaunchAsync(string[] args)
    {
        if (Environment.GetEnvironmentVariable(Gen0SizeVariable) is not null) return null;
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(Environment.GetCommandLineArgs()[0]);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment[Gen0SizeVariable] = Gen0Size;
        using var child = Process.Start(start) ?? throw new InvalidOperationException("the bench could not re-launch itself");
        await child.WaitForExitAsync();
        return child.ExitCode;
    }
}
