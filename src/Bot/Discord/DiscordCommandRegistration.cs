using System.Security.Cryptography;
using System.Text;
using Kuril.Bot.Commands;
using Kuril.Bot.Discord.Rest;
using Kuril.Bot.Hosting.Supervision;
using Kuril.Knowledge.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Discord;

/// <summary>
/// Registers <c>/kuril</c> on start by bulk overwrite (globally, or in <c>Discord:GuildId</c> for instant updates),
/// and skips the call when the definition sent last time is unchanged (Discord allows 200 creates a day).
/// </summary>
internal sealed class DiscordCommandRegistration(
    DiscordRestClient rest,
    IEnumerable<CommandDescriptor> descriptors,
    IOptions<DiscordOptions> options,
    IOptions<KnowledgeOptions> knowledge,
    ILogger<DiscordCommandRegistration> logger,
    Supervisor supervisor) : SupervisedService(supervisor, "discord command registration")
{
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Token))
        {
            DiscordLog.RegistrationSkippedNoToken(logger);
            return;
        }

        var commands = DiscordCommandDefinition.Build(descriptors);
        var stamp = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{options.Value.ApiBaseUrl}|{options.Value.ApplicationId}|{options.Value.GuildId}|{commands.ToJsonString()}")));
        var stampFile = Path.Combine(knowledge.Value.DataPath, "discord-commands.sha256");
        if (File.Exists(stampFile) && (await File.ReadAllTextAsync(stampFile, stoppingToken)).Trim() == stamp)
        {
            DiscordLog.RegistrationUnchanged(logger);
            return;
        }

        try
        {
            var applicationId = string.IsNullOrWhiteSpace(options.Value.ApplicationId)
                ? await rest.GetApplicationIdAsync(stoppingToken) // a Gateway bot may be configured with its token alone
                : options.Value.ApplicationId;
            await rest.BulkOverwriteCommandsAsync(applicationId, commands, stoppingToken);
            Directory.CreateDirectory(knowledge.Value.DataPath);
            await File.WriteAllTextAsync(stampFile, stamp, stoppingToken);
            DiscordLog.Registered(logger, string.IsNullOrWhiteSpace(options.Value.GuildId) ? "globally" : "in the configured guild");
        }
        catch (Exception e) when (e is DiscordApiException or HttpRequestException)
        {
            DiscordLog.RegistrationFailed(logger, e);
        }
    }
}
