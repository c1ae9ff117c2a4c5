using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Kuril.Bot.Telegram;

/// <summary>
/// The <c>secret_token</c> given to setWebhook, new on every start: Telegram sends it back in
/// <c>X-Telegram-Bot-Api-Secret-Token</c>, so a request without it did not come from Telegram.
/// </summary>
public sealed class TelegramWebhookSecret
{
    /// <summary>The header Telegram puts the secret in.</summary>
    public const string HeaderName = "X-Telegram-Bot-Api-Secret-Token";

    private readonly byte[] _hash;

    /// <summary>A random secret: 32 bytes as base64url, within Telegram's alphabet (A-Z a-z 0-9 _ -).</summary>
    public TelegramWebhookSecret()
        : this(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)))
    {
    }

    /// <summary>A given secret (tests).</summary>
    public TelegramWebhookSecret(string value)
    {
        Value = value;
        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>The secret.</summary>
    public string Value { get; }

    /// <summary>
    /// Whether a header value is the secret. Hashes are compared in constant time, so neither the time taken nor a
    /// length difference tells an attacker how much of a guess was right.
    /// </summary>
    public bool Matches(string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(header)), _hash);
}
