using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kuril.Bot.Tests.Hosting;

/// <summary>
/// No Docker engine runs here, so the Dockerfile is checked from outside: every path it copies from the build context
/// exists, and its own publish command succeeds and yields the entry point it runs.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "Dockerfile"));

    [Fact]
    public void Every_path_copied_from_the_build_context_exists()
    {
        var copies = Lines.Select(l => l.Trim()).Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(copies);
        foreach (var copy in copies)
        {
            var parts = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1];
            foreach (var source in parts)
            {
                var path = Path.Combine(RepoPaths.Root, source);
                Assert.True(File.Exists(path) || Directory.Exists(path), $"{copy}: {source} does not exist");
            }
        }
    }

    [Fact]
    public void Runs_as_a_non_root_user_with_a_data_volume_a_port_and_a_health_check()
    {
        var text = string.Join('\n', Lines);

        Assert.Contains("USER $APP_UID", text, StringComparison.Ordinal);
        Assert.Contains("VOLUME /data", text, StringComparison.Ordinal);
        Assert.Matches(EnvDataPath(), text);
        Assert.Contains("EXPOSE 8080", text, StringComparison.Ordinal);
        Assert.Contains("HEALTHCHECK", text, StringComparison.Ordinal);
        Assert.Contains("org.opencontainers.image.title", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_run_step_needs_no_service()
    {
        // An image build has the SDK and the package feed, nothing else: no PostgreSQL, no npm peers, no bot
        // running. Restoring, publishing and preparing folders need only that; tests and installs belong in .ci/run.
        string[] allowed = ["dotnet restore", "dotnet publish", "mkdir", "chown"];
        var runs = RunSteps().ToList();

        Assert.NotEmpty(runs);
        foreach (var command in runs.SelectMany(r => CommandSeparator().Split(r)).Select(c => c.Trim()).Where(c => c.Length > 0))
        {
            Assert.True(allowed.Any(a => command == a || command.StartsWith(a + " ", StringComparison.Ordinal)), $"RUN {command}: an image build cannot be sure to satisfy this");
        }
    }

    [Fact(Timeout = 300_000)]
    public async Task Its_publish_command_succeeds_and_yields_the_entry_point()
    {
        var publish = Lines.Select(l => l.Trim()).Single(l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal));
        var arguments = publish["RUN dotnet ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var output = Directory.CreateTempSubdirectory("kuril-publish-").FullName;
        arguments[arguments.IndexOf("--output") + 1] = output;
        try
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", arguments)
            {
                WorkingDirectory = RepoPaths.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var log = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.True(process.ExitCode == 0, await log);
            var entryPoint = Lines.Single(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal));
            Assert.Contains("Kuril.Bot.dll", entryPoint, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(output, "Kuril.Bot.dll")));
            Assert.True(File.Exists(Path.Combine(output, "Kuril.Bot.runtimeconfig.json")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>Each RUN instruction, its continuation lines joined.</summary>
    private static IEnumerable<string> RunSteps()
    {
        string? step = null;
        foreach (var line in Lines.Select(l => l.Trim()))
        {
            if (step is null && !line.StartsWith("RUN ", StringComparison.Ordinal)) continue;
            step = step is null ? line["RUN ".Length..] : step + " " + line;
            if (step.EndsWith('\\'))
            {
                step = step[..^1];
                continue;
            }

            yield return step;
            step = null;
        }
    }

    [GeneratedRegex(@"&&|\|\||;")]
    private static partial Regex CommandSeparator();

    [GeneratedRegex(@"Knowledge__DataPath=/data")]
    private static partial Regex EnvDataPath();
}
