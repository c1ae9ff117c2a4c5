using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Telegram;

/// <summary>Says once, on start, which setting turns Telegram on when it is off (when on, the bot service says so after getMe).</summary>
internal sealed class TelegramStatusReporter(IOptions<TelegramOptions> options, ILogger<TelegramStatusReporter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Configured) TelegramLog.Off(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
