using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace Kuril.Bot.Tests.Discord;

/// <summary>A real Ed25519 key pair made for one test, signing requests as Discord does.</summary>
internal sealed class SigningKey
{
    private readonly byte[] _privateKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public string PublicKeyHex
    {
        get
        {
            using var key = Import();
            return Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        }
    }

    public string Sign(string timestamp, byte[] body)
    {
        using var key = Import();
        var message = Encoding.ASCII.GetBytes(timestamp).Concat(body).ToArray();
        return Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, message));
    }

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private Key Import() => Key.Import(SignatureAlgorithm.Ed25519, _privateKey, KeyBlobFormat.RawPrivateKey);
}
