using Microsoft.Extensions.Options;
using Npgsql;

namespace Kuril.Bot.Storage;

/// <summary>Checks the Storage section on start; a message names the key, never the connection string's or id key's content.</summary>
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
        if (!string.IsNullOrWhiteSpace(options.IdKey) && !IsKey(options.IdKey))
        {
            failures.Add($"Storage:IdKey must be base64 of at least {UserIdHasher.KeyBytes} random bytes (e.g. the output of openssl rand -base64 32), or unset to use a key generated in Knowledge:DataPath.");
        }

        if (options.RetainDays is < 1 or > 3650) failures.Add("Storage:RetainDays must be between 1 and 3650.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsKey(string value)
    {
        var key = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), key, out var length) && length >= UserIdHasher.KeyBytes;
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
