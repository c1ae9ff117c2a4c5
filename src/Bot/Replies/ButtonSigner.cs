using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Kuril.Bot.Commands;
using Microsoft.Extensions.Configuration;

namespace Kuril.Bot.Replies;

/// <summary>
/// Binds every button to the chat it was sent to: its token gets an HMAC over the token, the platform and the
/// channel, and a press counts only with a signature made for the chat it comes from. A token is thus neither
/// guessable from another (sequential ids) nor usable in another chat (Telegram clients can send any callback data).
/// </summary>
public sealed class ButtonSigner
{
    /// <summary>Stands between a token and its signature; no token contains it.</summary>
    public const char Separator = '~';

    private const int SignatureBytes = 12;
    private readonly byte[] _key;

    /// <summary>
    /// Keys the signatures from the platform tokens (secret, and the same on every instance of one bot), so buttons
    /// stay good across restarts and instances; with no platform configured (the console), from a random key.
    /// </summary>
    public ButtonSigner(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var secrets = $"{configuration["Discord:Token"]}\n{configuration["Telegram:Token"]}";
        _key = secrets.Trim().Length == 0
            ? RandomNumberGenerator.GetBytes(32)
            : SHA256.HashData(Encoding.UTF8.GetBytes("kuril buttons\n" + secrets));
    }

    /// <summary>The reply with every button's token signed for one chat.</summary>
    public Reply Sign(Reply reply, Platform platform, string channelId)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Buttons.Count == 0) return reply;
        return reply with { Buttons = [.. reply.Buttons.Select(b => b with { Token = b.Token + Separator + Signature(b.Token, platform, channelId) })] };
    }

    /// <summary>The token of a pressed button, if its signature was made for this chat.</summary>
    public bool TryVerify(string pressed, Platform platform, string channelId, out string token)
    {
        ArgumentNullException.ThrowIfNull(pressed);
        token = string.Empty;
        var at = pressed.LastIndexOf(Separator);
        if (at < 0) return false;
        var expected = Encoding.ASCII.GetBytes(Signature(pressed[..at], platform, channelId));
        var given = Encoding.UTF8.GetBytes(pressed[(at + 1)..]);
        if (!CryptographicOperations.FixedTimeEquals(expected, given)) return false;
        token = pressed[..at];
        return true;
    }

    private string Signature(string token, Platform platform, string channelId)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{token}\n{platform}\n{channelId}"));
        return Base64Url.EncodeToString(mac.AsSpan(0, SignatureBytes));
    }
}
