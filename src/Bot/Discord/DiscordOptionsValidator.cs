using Microsoft.Extensions.Options;

namespace Kuril.Bot.Discord;

/// <summary>Checks the Discord section on start; a wrong value stops the host with a message naming the key.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.PublicKey))
        {
            var key = Ed25519PublicKey.TryParseHex(options.PublicKey.Trim(), out var error);
            if (key is null) failures.Add($"Discord:PublicKey {error} (copy it from the Developer Portal, General Information).");
        }

        if (!IsSnowflakeOrEmpty(options.ApplicationId)) failures.Add("Discord:ApplicationId must be the application's numeric id.");
        if (!IsSnowflakeOrEmpty(options.GuildId)) failures.Add("Discord:GuildId must be a server's numeric id, or empty for global commands.");
        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("http" or "https")) failures.Add("Discord:ApiBaseUrl must be an absolute http(s) URL.");
        if (!options.InteractionsPath.StartsWith('/')) failures.Add("Discord:InteractionsPath must start with '/'.");
        if (options.MaxBodyBytes is < 1024 or > 1024 * 1024) failures.Add("Discord:MaxBodyBytes must be between 1024 and 1048576.");
        if (options.SignatureMaxAge <= TimeSpan.Zero || options.SignatureMaxAge > TimeSpan.FromMinutes(15)) failures.Add("Discord:SignatureMaxAge must be between 00:00:01 and 00:15:00.");
        if (options.ShardCount is < 1 or > 1024) failures.Add("Discord:ShardCount must be between 1 and 1024.");
        if (!string.IsNullOrWhiteSpace(options.ShardIds)
            && options.ShardIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(id => !int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var shard) || shard >= (options.ShardCount ?? int.MaxValue)))
        {
            failures.Add("Discord:ShardIds must be a comma-separated list of shard numbers below Discord:ShardCount, e.g. 0,1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSnowflakeOrEmpty(string? value) =>
        string.IsNullOrWhiteSpace(value) || (value.Length <= 20 && value.Trim().All(char.IsAsciiDigit));
}
