using Microsoft.Extensions.Options;
using Npgsql;

namespace Kuril.Bot.Storage;

/// <summary>Checks the Storage section on start; a message names the key, never the connection string's content.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider)) failures.Add("Storage:Provider must be Sqlite or Postgres.");
        if (options.Provider == StorageProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                failures.Add("Storage:ConnectionString is required when Storage:Provider is Postgres (set Storage__ConnectionString, e.g. Host=db;Database=kuril;Username=kuril;Password=…).");
            }
            else if (!IsConnectionString(options.ConnectionString))
            {
                failures.Add("Storage:ConnectionString is not a PostgreSQL connection string (Npgsql's Key=Value;… form) or names no Host.");
            }
        }

        if (options.StandbyDelay < TimeSpan.FromMilliseconds(50) || options.StandbyDelay > TimeSpan.FromMinutes(5)) failures.Add("Storage:StandbyDelay must be between 00:00:00.05 and 00:05:00.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsConnectionString(string value)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(value).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
