using System.Security.Cryptography;
using Kuril.Bot.Commands;
using Kuril.Bot.Storage;
using Kuril.Knowledge.Hosting;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Tests.Storage;

/// <summary>User ids are stored keyed: under Storage:IdKey, or a key generated once into the data folder.</summary>
public sealed class UserIdHasherTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "kuril-id-key-tests-" + Guid.NewGuid().ToString("N")[..12]);

    private string KeyFile => Path.Combine(_data, UserIdHasher.KeyFileName);

    [Fact]
    public void Without_a_configured_key_one_is_generated_once_kept_private_and_reused()
    {
        var first = Hasher(null).Hash(Platform.Discord, "4242");
        var written = File.ReadAllText(KeyFile);
        var again = Hasher(null).Hash(Platform.Discord, "4242");

        Assert.Equal(first, again);
        Assert.Equal(written, File.ReadAllText(KeyFile));
        Assert.Equal(UserIdHasher.KeyBytes, Convert.FromBase64String(written).Length);
        Assert.Single(Directory.GetFiles(_data)); // no temp file left beside it
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
    }

    [Fact]
    public async Task Instances_starting_together_on_one_folder_agree_on_one_key()
    {
        var hashes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Hasher(null).Hash(Platform.Telegram, "7"), TestContext.Current.CancellationToken)));

        Assert.Single(hashes.Distinct(StringComparer.Ordinal));
        Assert.Single(Directory.GetFiles(_data));
    }

    [Fact]
    public void A_configured_key_is_used_and_no_file_is_made()
    {
        var key = NewKey();

        var hash = Hasher(key).Hash(Platform.Discord, "4242");

        Assert.Equal(hash, Hasher(key).Hash(Platform.Discord, "4242")); // another instance given the same key
        Assert.NotEqual(hash, Hasher(NewKey()).Hash(Platform.Discord, "4242"));
        Assert.NotEqual(hash, Hasher(key).Hash(Platform.Telegram, "4242"));
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData("Discord:4242"u8)), hash);
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public void A_damaged_key_file_is_refused_naming_it_rather_than_replaced()
    {
        Directory.CreateDirectory(_data);
        File.WriteAllText(KeyFile, "short");

        var refused = Assert.Throws<InvalidOperationException>(() => Hasher(null).Hash(Platform.Discord, "4242"));

        Assert.Contains(KeyFile, refused.Message, StringComparison.Ordinal);
        Assert.Equal("short", File.ReadAllText(KeyFile));
    }

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(UserIdHasher.KeyBytes));

    private UserIdHasher Hasher(string? key) =>
        new(Options.Create(new StorageOptions { IdKey = key }), Options.Create(new KnowledgeOptions { DataPath = _data }));
}
