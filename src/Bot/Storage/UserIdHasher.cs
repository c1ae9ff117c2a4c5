using System.Security.Cryptography;
using System.Text;
using Kuril.Bot.Commands;
using Kuril.Knowledge.Hosting;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Storage;

/// <summary>
/// The one place a platform's user id becomes what the store keeps: HMAC-SHA256 of <c>platform:id</c> under a secret
/// key. Platform ids are guessable (Discord's are timestamps, Telegram's small numbers), so a plain hash of one could be
/// reversed by trying them all; without the key it can't. The key is <c>Storage:IdKey</c> or, when unset, one generated
/// into <see cref="KeyFileName"/> in the data folder on first start and reused after. Instances sharing a database must
/// share the key, or the same user gets a different id on each.
/// </summary>
public sealed class UserIdHasher
{
    /// <summary>The generated key's file name inside <c>Knowledge:DataPath</c>.</summary>
    public const string KeyFileName = "id-key";

    /// <summary>Bytes of a generated key, and the fewest a configured one may have.</summary>
    public const int KeyBytes = 32;

    private readonly Lazy<byte[]> _key;

    /// <summary>A hasher with the configured key, or the data folder's generated one (read or made on first use).</summary>
    public UserIdHasher(IOptions<StorageOptions> storage, IOptions<KnowledgeOptions> knowledge)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(knowledge);
        var configured = storage.Value.IdKey;
        KeyIsGenerated = string.IsNullOrWhiteSpace(configured);
        KeyPath = Path.Combine(knowledge.Value.DataPath, KeyFileName);
        _key = new Lazy<byte[]>(() => KeyIsGenerated ? ReadOrCreate(KeyPath) : Convert.FromBase64String(configured!.Trim()));
    }

    /// <summary>Whether the key is the data folder's generated one (<c>Storage:IdKey</c> is unset).</summary>
    public bool KeyIsGenerated { get; }

    /// <summary>Where the generated key is (or would be) kept.</summary>
    public string KeyPath { get; }

    /// <summary>The stored form of a user: 64 lower-case hex digits.</summary>
    public string Hash(Platform platform, string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(platform + ":" + userId)));
    }

    /// <summary>Reads or makes the key now, so that a data folder it can't be written to stops the start, not a vote.</summary>
    internal void EnsureKey() => _ = _key.Value;

    // Written whole to a private temp file, then moved into place without overwriting: a crash leaves no half key, and
    // of two processes starting together on one folder the second to move reads the first's key.
    private static byte[] ReadOrCreate(string path)
    {
        if (File.Exists(path)) return Read(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(temp, Encoding.ASCII, options))
        {
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)));
        }

        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }

        return Read(path);
    }

    private static byte[] Read(string path)
    {
        var text = File.ReadAllText(path, Encoding.ASCII).Trim();
        var key = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, key, out var length) || length < KeyBytes)
        {
            throw new InvalidOperationException($"{path} does not hold a base64 key of at least {KeyBytes} bytes: restore it from a backup or, if no id was ever stored with it, delete it to make a new one.");
        }

        return key[..length];
    }
}
