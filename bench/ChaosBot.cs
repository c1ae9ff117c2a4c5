using System.Diagnostics;

namespace Kuril.Bench;

/// <summary>
/// One bot instance as an operator runs it (<c>dotnet Kuril.Bot.dll</c> from the repository root, configured through
/// its environment), restarted under a new generation each time it is killed with SIGKILL.
/// </summary>
public sealed class ChaosBot : IAsyncDisposable
{
    private const int KeptLines = 40;
    private readonly string _name;
    private readonly Func<string, IReadOnlyDictionary<string, string>> _environment;
    private readonly Queue<string> _tail = new();
    private readonly Lock _lock = new();
    private Process? _process;
    private int _generation;
    private int _resent;

    /// <param name="name">The instance's name, part of its tokens so the fakes can tell instances and generations apart.</param>
    /// <param name="environment">The environment of one generation, given the tokens' suffix for it.</param>
    public ChaosBot(string name, Func<string, IReadOnlyDictionary<string, string>> environment)
    {
        _name = name;
        _environment = environment;
    }

    /// <summary>The current generation's token suffix (instance and generation).</summary>
    public string Suffix => _name + _generation;

    /// <summary>Retries of a daily post whose request had left before its sender died (event 5010), over all generations.</summary>
    public int ResentAfterCrash => Volatile.Read(ref _resent);

    /// <summary>Whether the current generation ended without being killed (a start-up error).</summary>
    public bool Exited => _process is { HasExited: true };

    /// <summary>The last lines the instance logged, for a failure's message.</summary>
    public string Tail
    {
        get
        {
            lock (_lock) return string.Join('\n', _tail);
        }
    }

    /// <summary>Starts the next generation; returns at once.</summary>
    public void Start()
    {
        _generation++;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Kuril.Bot.dll"));
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in _environment(Suffix)) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>SIGKILL (what <see cref="Process.Kill()"/> sends on Linux): no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process) return;
        _process = null;
        if (!process.HasExited) process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        if (line.Contains("[5010]", StringComparison.Ordinal)) Interlocked.Increment(ref _resent);
        lock (_lock)
        {
            _tail.Enqueue(line);
            if (_tail.Count > KeptLines) _tail.Dequeue();
        }
    }
}
