using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Discord;

/// <summary>Says once, on start, whether Discord is on and where, or which settings would turn it on.</summary>
internal sealed class DiscordStatusReporter(IOptions<DiscordOptions> options, ILogger<DiscordStatusReporter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.InteractionsConfigured) DiscordLog.On(logger, options.Value.InteractionsPath);
        if (options.Value.GatewayConfigured) DiscordLog.GatewayOn(logger);
        if (!options.Value.Configured) DiscordLog.Off(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
