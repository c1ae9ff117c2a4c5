using System.Diagnostics;
using Npgsql;

namespace Kuril.Bench;

/// <summary>A fresh database for one bench section: on the server in <c>KURIL_TEST_POSTGRES</c>, else on a server started here.</summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string? _folder;

    private ThrowawayPostgres(string connectionString, string? folder)
    {
        ConnectionString = connectionString;
        _folder = folder;
    }

    public string ConnectionString { get; }

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        string? folder = null;
        var server = Environment.GetEnvironmentVariable("KURIL_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            folder = Path.Combine(Path.GetTempPath(), "kuril-bench-postgres-" + Guid.NewGuid().ToString("N")[..12]);
            server = (await ScriptAsync("start", folder)).Trim();
        }

        var name = "kuril_bench_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
#pragma warning disable CA2100 // the name is made above from a GUID; CREATE DATABASE takes no parameters
            await using var create = new NpgsqlCommand("CREATE DATABASE " + name, connection);
#pragma warning restore CA2100
            await create.ExecuteNonQueryAsync();
        }

        return new ThrowawayPostgres(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, folder);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_folder is null) return;
        await ScriptAsync("stop", _folder);
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<string> ScriptAsync(string command, string folder)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "tools", "postgres.sh"));
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"tests/tools/postgres.sh {command} failed (exit {process.ExitCode}): {await error}");
        return await output;
    }
}
