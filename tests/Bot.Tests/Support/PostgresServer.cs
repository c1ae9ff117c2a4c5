using System.Diagnostics;
using Npgsql;

namespace Kuril.Bot.Tests.Support;

/// <summary>
/// A real PostgreSQL server for the tests: the one whose connection string is in <c>KURIL_TEST_POSTGRES</c> (.ci/run
/// starts one), else a throwaway one started here by <c>tests/tools/postgres.sh</c> and stopped after the run. Each
/// test gets a database of its own.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    /// <summary>The environment variable with a server's connection string.</summary>
    public const string Variable = "KURIL_TEST_POSTGRES";

    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(2);
    private string? _folder;

    /// <summary>The server's connection string, to its <c>postgres</c> database.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            ConnectionString = given;
            return;
        }

        _folder = Path.Combine(Path.GetTempPath(), "kuril-postgres-" + Guid.NewGuid().ToString("N")[..12]);
        var (exit, output, error) = await ScriptAsync("start", _folder);
        if (exit != 0) throw new InvalidOperationException($"No PostgreSQL for the tests: {Variable} is not set and tests/tools/postgres.sh could not start a server (exit {exit}):\n{error}");
        ConnectionString = output.Trim();
    }

    /// <summary>A new, empty database on the server; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = "kuril_test_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
#pragma warning disable CA2100 // the name is made above from a GUID; CREATE DATABASE takes no parameters
        await using var create = new NpgsqlCommand("CREATE DATABASE " + name, connection);
#pragma warning restore CA2100
        await create.ExecuteNonQueryAsync(cancellationToken);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_folder is null) return;
        await ScriptAsync("stop", _folder);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<(int Exit, string Output, string Error)> ScriptAsync(string command, string folder)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "tools", "postgres.sh"));
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, await output, "timed out: " + await error);
        }

        return (process.ExitCode, await output, await error);
    }
}
