using System.Globalization;

namespace Kuril.Bot.Discord;

/// <summary>An Ed25519 public key held by OpenSSL for the life of the host.</summary>
public sealed class Ed25519PublicKey : IDisposable
{
    private IntPtr _key;

    private Ed25519PublicKey(IntPtr key) => _key = key;

    /// <summary>Parses a 64-character hex key, as Discord shows it, or returns null with the reason.</summary>
    public static Ed25519PublicKey? TryParseHex(string? hex, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(hex) || hex.Length != OpenSslEd25519.KeyLength * 2 || !hex.All(char.IsAsciiHexDigit))
        {
            error = string.Create(CultureInfo.InvariantCulture, $"must be {OpenSslEd25519.KeyLength * 2} hexadecimal characters");
            return null;
        }

        try
        {
            return new Ed25519PublicKey(OpenSslEd25519.CreatePublicKey(Convert.FromHexString(hex)));
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>Whether the signature over the message is valid.</summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        ObjectDisposedException.ThrowIf(_key == IntPtr.Zero, this);
        return OpenSslEd25519.Verify(_key, message, signature);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        OpenSslEd25519.FreeKey(_key);
        _key = IntPtr.Zero;
    }
}
