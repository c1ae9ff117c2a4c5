using System.Globalization;
using System.Text;

namespace Kuril.Bot.Discord;

/// <summary>
/// Checks a Discord interaction request before anything in it is parsed: Ed25519 over the raw bytes of the
/// <c>X-Signature-Timestamp</c> header followed by the raw body, and a timestamp recent enough not to be a replay.
/// </summary>
public sealed class InteractionSignatureVerifier(Ed25519PublicKey publicKey, TimeProvider time, TimeSpan maxAge)
{
    /// <summary>The header carrying the hex signature.</summary>
    public const string SignatureHeader = "X-Signature-Ed25519";

    /// <summary>The header carrying the signed Unix timestamp.</summary>
    public const string TimestampHeader = "X-Signature-Timestamp";

    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>Checks one request.</summary>
    public SignatureCheck Check(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (signatureHex is not { Length: Ed25519PublicKey.SignatureLength * 2 } || !signatureHex.All(char.IsAsciiHexDigit)
            || string.IsNullOrEmpty(timestamp) || timestamp.Length > 20 || !timestamp.All(char.IsAsciiDigit)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.MalformedHeaders;
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (seconds < now - (long)maxAge.TotalSeconds || seconds > now + (long)AllowedClockSkew.TotalSeconds)
        {
            return SignatureCheck.StaleTimestamp;
        }

        var timestampBytes = Encoding.ASCII.GetByteCount(timestamp);
        var message = new byte[timestampBytes + body.Length];
        Encoding.ASCII.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(timestampBytes));
        Span<byte> signature = stackalloc byte[Ed25519PublicKey.SignatureLength];
        Convert.FromHexString(signatureHex, signature, out _, out _);
        return publicKey.Verify(message, signature) ? SignatureCheck.Valid : SignatureCheck.BadSignature;
    }
}
