using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Telegram;

/// <summary>Checks the Telegram section on start; a wrong value stops the host with a message naming the key (never the token).</summary>
internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Token) && !TokenShape().IsMatch(options.Token.Trim()))
        {
            failures.Add("Telegram:Token does not look like a bot token (digits, a colon, then letters, digits, _ or -): copy it from BotFather.");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("http" or "https")) failures.Add("Telegram:ApiBaseUrl must be an absolute http(s) URL.");
        if (options.WebhookUrl is { OriginalString.Length: > 0 } webhook && (!webhook.IsAbsoluteUri || webhook.Scheme != "https")) failures.Add("Telegram:WebhookUrl must be an absolute https URL (Telegram posts only to https), or empty for polling.");
        if (!options.WebhookPath.StartsWith('/')) failures.Add("Telegram:WebhookPath must start with '/'.");
        if (options.MaxBodyBytes is < 1024 or > 16 * 1024 * 1024) failures.Add("Telegram:MaxBodyBytes must be between 1024 and 16777216.");
        if (options.PollTimeoutSeconds is < 0 or > TelegramOptions.MaxPollTimeoutSeconds) failures.Add("Telegram:PollTimeoutSeconds must be between 0 and 100.");
        if (options.EmptyPollDelay < TimeSpan.FromMilliseconds(100) || options.EmptyPollDelay > TimeSpan.FromMinutes(1)) failures.Add("Telegram:EmptyPollDelay must be between 00:00:00.1 and 00:01:00 (a poll loop must never spin).");
        if (options.ConflictDelay < TimeSpan.FromSeconds(1) || options.ConflictDelay > TimeSpan.FromMinutes(10)) failures.Add("Telegram:ConflictDelay must be between 00:00:01 and 00:10:00.");
        if (options.MaxUpdatesInFlight is < 1 or > 256) failures.Add("Telegram:MaxUpdatesInFlight must be between 1 and 256.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[0-9]{1,20}:[A-Za-z0-9_-]{1,200}$")]
    private static partial Regex TokenShape();
}
