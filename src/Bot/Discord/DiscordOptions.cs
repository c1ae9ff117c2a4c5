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

    /// <summary>Whether the interactions endpoint can run: an application id and a public key are set.</summary>
    public bool InteractionsConfigured => !string.IsNullOrWhiteSpace(PublicKey) && !string.IsNullOrWhiteSpace(ApplicationId);
}
