using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kuril.Bot.Discord;

namespace Kuril.Bot.Tests.Discord;

/// <summary>A real Ed25519 key pair made for one test, signing requests as Discord does.</summary>
internal sealed class SigningKey
{
    private readonly byte[] _privateKey = RandomNumberGenerator.GetBytes(OpenSslEd25519.KeyLength);

    public string PublicKeyHex => Convert.ToHexStringLower(OpenSslEd25519.PublicKeyOf(_privateKey));

    public string Sign(string timestamp, byte[] body)
    {
        var message = Encoding.ASCII.GetBytes(timestamp).Concat(body).ToArray();
        return Convert.ToHexStringLower(OpenSslEd25519.Sign(_privateKey, message));
    }

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
