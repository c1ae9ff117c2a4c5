using Kuril.Bot.Cli;
using Kuril.Bot.Hosting;
using Kuril.Bot.Storage;
using Kuril.Bot.Tests.Support;
using Kuril.Knowledge.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Tests.Storage;

/// <summary>The Storage section: SQLite needs nothing; a wrong value stops the host naming the key, never the secret.</summary>
public sealed class StorageOptionsTests
{
    [Theory]
    [InlineData("Postgres", null, "Storage:ConnectionString is required")]
    [InlineData("Postgres", "Password=hunter2-secret;;==", "Storage:ConnectionString is not a PostgreSQL connection string")]
    [InlineData("Postgres", "Database=kuril;Password=hunter2-secret", "Storage:ConnectionString is not a PostgreSQL connection string")]
    [InlineData("MongoDb", null, "Storage:Provider")]
    public void A_wrong_value_fails_naming_its_key(string provider, string? connectionString, string named)
    {
        var error = Assert.ThrowsAny<Exception>(() => Resolve(new() { ["Storage:Provider"] = provider, ["Storage:ConnectionString"] = connectionString }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Storage:IdKey", "not base64, hunter2", "Storage:IdKey must be base64 of at least 32")]
    [InlineData("Storage:IdKey", "aHVudGVyMi1zaG9ydC1rZXk=", "Storage:IdKey must be base64 of at least 32")] // 18 bytes
    [InlineData("Storage:RetainDays", "0", "Storage:RetainDays must be between 1 and 3650")]
    [InlineData("Storage:RetainDays", "3651", "Storage:RetainDays must be between 1 and 3650")]
    public void A_wrong_id_key_or_retention_fails_naming_its_key_but_not_the_key_itself(string key, string value, string named)
    {
        var error = Assert.ThrowsAny<Exception>(() => Resolve(new() { [key] = value }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        if (key == "Storage:IdKey") Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_wrong_id_key_stops_the_bot_naming_the_setting()
    {
        var result = await BotProcess.RunAsync(["--Storage:IdKey=aHVudGVyMi1zaG9ydC1rZXk=", "--Knowledge:DataPath=" + Path.Combine(Path.GetTempPath(), "kuril-unused-" + Guid.NewGuid().ToString("N")[..8])], input: string.Empty);

        Assert.Equal(BotCommandLine.UsageError, result.ExitCode);
        Assert.Contains("Configuration error: ", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Storage:IdKey must be base64", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("aHVudGVyMi1zaG9ydC1rZXk=", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_is_the_default_and_needs_no_setting()
    {
        Assert.IsType<SqliteBotDatabase>(Resolve(new()));
    }

    [Fact]
    public void Postgres_is_used_when_asked_for()
    {
        Assert.IsType<PostgresBotDatabase>(Resolve(new() { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = "Host=127.0.0.1;Database=kuril;Username=kuril;Password=x" }));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_database_that_cannot_be_reached_stops_the_bot_naming_the_setting_but_not_the_password()
    {
        var result = await BotProcess.RunAsync(
            ["--Storage:Provider=Postgres", "--Storage:ConnectionString=Host=127.0.0.1;Port=1;Username=kuril;Password=hunter2-secret;Timeout=3"],
            input: string.Empty);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Storage error: the PostgreSQL database of Storage:ConnectionString cannot be opened", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }

    private static BotDatabase Resolve(Dictionary<string, string?> values)
    {
        values["Knowledge:CorpusPath"] = RepoPaths.Corpus;
        values["Knowledge:DataPath"] = Path.Combine(Path.GetTempPath(), "kuril-unused-" + Guid.NewGuid().ToString("N")[..8]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var services = new ServiceCollection().AddLogging().AddKnowledge(configuration).AddBot(configuration, interactive: false).BuildServiceProvider();
        _ = services.GetRequiredService<IOptions<StorageOptions>>().Value; // what ValidateOnStart does first
        return services.GetRequiredService<BotDatabase>();
    }
}
