namespace Kuril.Bot.Discord;

/// <summary>Options of the <c>Discord</c> configuration section. Secrets come from the environment or user secrets.</summary>
public sealed class DiscordOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "Discord";

    /// <summary>The application's id (Developer Portal → General Information).</summary>
    public string? ApplicationId { get; set; }

    /// <summary>The application's Ed25519 public key, 64 hex characters.</summary>
    public string? PublicKey { get; set; }

    /// <summary>The bot token (secret: environment <c>Discord__Token</c> or user secrets).</summary>
    public string? Token { get; set; }

    /// <summary>The REST API's base address.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10");

    /// <summary>The route Discord posts interactions to.</summary>
    public string InteractionsPath { get; set; } = "/discord/interactions";

    /// <summary>A guild to register the command in (instant updates while testing); global when empty.</summary>
    public string? GuildId { get; set; }

    /// <summary>Largest interaction body accepted.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How old a signed timestamp may be before the request is taken for a replay.</summary>
    public TimeSpan SignatureMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How interactions arrive; when unset, Interactions if a public key is set, otherwise Gateway.</summary>
    public DiscordTransport? Transport { get; set; }

    /// <summary>Shards to run; when unset, the count Discord recommends in <c>GET /gateway/bot</c>.</summary>
    public int? ShardCount { get; set; }

    /// <summary>
    /// The shards this process runs, e.g. <c>0,1</c>, when shards are spread over several processes; all of them
    /// when unset.
    /// </summary>
    public string? ShardIds { get; set; }

    /// <summary>The transport in effect.</summary>
    public DiscordTransport EffectiveTransport => Transport ?? (string.IsNullOrWhiteSpace(PublicKey) ? DiscordTransport.Gateway : DiscordTransport.Interactions);

    /// <summary>Whether the interactions endpoint runs: its transport is chosen, an application id and a public key are set.</summary>
    public bool InteractionsConfigured =>
        EffectiveTransport != DiscordTransport.Gateway && !string.IsNullOrWhiteSpace(PublicKey) && !string.IsNullOrWhiteSpace(ApplicationId);

    /// <summary>Whether the Gateway runs: its transport is chosen and a token is set.</summary>
    public bool GatewayConfigured => EffectiveTransport != DiscordTransport.Interactions && !string.IsNullOrWhiteSpace(Token);

    /// <summary>Whether Discord is on at all.</summary>
    public bool Configured => InteractionsConfigured || GatewayConfigured;

    /// <summary>The shard ids of <see cref="ShardIds"/>, or null for all.</summary>
    public IReadOnlyList<int>? ParsedShardIds =>
        string.IsNullOrWhiteSpace(ShardIds) ? null : ShardIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
