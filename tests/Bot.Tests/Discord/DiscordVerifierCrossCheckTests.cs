using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Kuril.Bot.Discord;

namespace Kuril.Bot.Tests.Discord;

/// <summary>Our Ed25519 check and Discord's own verifier (npm <c>discord-interactions</c>) agree on the same vectors.</summary>
public sealed class DiscordVerifierCrossCheckTests
{
    [Fact]
    public async Task Agrees_with_discord_interactions_verifyKey()
    {
        var key = new SigningKey();
        var vectors = new List<Vector>();
        for (var i = 0; i < 12; i++)
        {
            var body = Encoding.UTF8.GetBytes($"{{\"type\":{1 + (i % 4)},\"id\":\"{i}\",\"data\":{{\"q\":\"Шикотан 択捉島 {i}\"}}}}");
            var timestamp = (1_700_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var signature = key.Sign(timestamp, body);
            vectors.Add(new Vector(body, timestamp, signature, key.PublicKeyHex));
            vectors.Add(new Vector([.. body, (byte)' '], timestamp, signature, key.PublicKeyHex));
            vectors.Add(new Vector(body, timestamp + "1", signature, key.PublicKeyHex));
            vectors.Add(new Vector(body, timestamp, Flip(signature, i), key.PublicKeyHex));
            vectors.Add(new Vector(body, timestamp, signature, new SigningKey().PublicKeyHex));
        }

        vectors.Add(new Vector([], "1700000000", new SigningKey().Sign("1700000000", []), key.PublicKeyHex));
        var ours = vectors.Select(v => Ours(v)).ToList();
        var theirs = await TheirsAsync(vectors);

        Assert.Equal(ours, theirs);
        Assert.Equal(12, ours.Count(ok => ok));
    }

    private static bool Ours(Vector vector)
    {
        var publicKey = Ed25519PublicKey.TryParseHex(vector.PublicKey, out _)!;
        var message = Encoding.ASCII.GetBytes(vector.Timestamp).Concat(vector.Body).ToArray();
        return publicKey.Verify(message, Convert.FromHexString(vector.Signature));
    }

    private static async Task<List<bool>> TheirsAsync(List<Vector> vectors)
    {
        var tools = Path.Combine(RepoPaths.Root, "tests", "tools");
        var file = Path.Combine(Path.GetTempPath(), $"discord-vectors-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(vectors.Select(v => new
        {
            body = Convert.ToBase64String(v.Body),
            timestamp = v.Timestamp,
            signature = v.Signature,
            publicKey = v.PublicKey,
        })));
        try
        {
            var start = new ProcessStartInfo("node", ["verify-discord.mjs", file])
            {
                WorkingDirectory = tools,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var node = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var output = await node.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = await node.StandardError.ReadToEndAsync(timeout.Token);
            await node.WaitForExitAsync(timeout.Token);
            Assert.True(node.ExitCode == 0, errors);
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim() == "true").ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Flip(string hex, int position)
    {
        var chars = hex.ToCharArray();
        var at = (position * 7) % chars.Length;
        chars[at] = chars[at] == '0' ? '1' : '0';
        return new string(chars);
    }

    private sealed record Vector(byte[] Body, string Timestamp, string Signature, string PublicKey);
}
