using System.Globalization;
using NSec.Cryptography;

namespace Kuril.Bot.Discord;

/// <summary>An Ed25519 public key (the application's, from Discord), verified through NSec (libsodium).</summary>
public sealed class Ed25519PublicKey
{
    /// <summary>The length of a raw Ed25519 public key.</summary>
    public const int Length = 32;

    /// <summary>The length of an Ed25519 signature.</summary>
    public const int SignatureLength = 64;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    private readonly PublicKey _key;

    private Ed25519PublicKey(PublicKey key) => _key = key;

    /// <summary>Parses a 64-character hex key, as Discord shows it, or returns null with the reason.</summary>
    public static Ed25519PublicKey? TryParseHex(string? hex, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(hex) || hex.Length != Length * 2 || !hex.All(char.IsAsciiHexDigit))
        {
            error = string.Create(CultureInfo.InvariantCulture, $"must be {Length * 2} hexadecimal characters");
            return null;
        }

        if (!PublicKey.TryImport(Algorithm, Convert.FromHexString(hex), KeyBlobFormat.RawPublicKey, out var key))
        {
            error = "is not a valid Ed25519 public key";
            return null;
        }

        return new Ed25519PublicKey(key!);
    }

    /// <summary>Whether the signature over the message is valid.</summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) => Algorithm.Verify(_key, message, signature);
}
