using System.Data.Common;
using System.Globalization;
using Kuril.Bot.Commands;
using Kuril.Bot.Hosting.Health;
using Kuril.Bot.Storage;
using Kuril.Bot.Telegram.Api;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Telegram;

/// <summary>
/// Starts the Telegram adapter: getMe (retried until Telegram answers), the command menu, then either the webhook
/// (setWebhook with a random secret) or long polling. Polling asks for the update after the last one handled, with a
/// long timeout and an explicit list of update kinds; it never spins, and a 409 Conflict is logged and retried slowly.
/// Of several instances sharing a database only the elected leader polls; the others stand by and take over when it
/// dies, resuming after the last update it handled.
/// </summary>
public sealed class TelegramBotService(
    TelegramApiClient api,
    TelegramBotIdentity identity,
    TelegramOffsetStore offsets,
    LeaderElection election,
    TelegramUpdateProcessor processor,
    IEnumerable<CommandDescriptor> descriptors,
    TelegramWebhookSecret secret,
    PlatformActivity activity,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramBotService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var me = await GetMeAsync(stoppingToken);
        identity.Set(me);

        // The menu is a convenience: it is set alongside, and a failure there only warns.
        var commands = SetCommandsAsync(stoppingToken);
        try
        {
            if (options.Value.UsesWebhook)
            {
                await RetryAsync(ct => api.SetWebhookAsync(options.Value.WebhookUrl!, secret.Value, ct), stoppingToken);
                TelegramLog.On(logger, me.Username ?? "?", "webhook at " + options.Value.WebhookPath);
            }
            else
            {
                TelegramLog.On(logger, me.Username ?? "?", "long polling");
                await PollAsync(me, stoppingToken);
            }
        }
        finally
        {
            await commands;
        }
    }

    private async Task PollAsync(TelegramUser me, CancellationToken stoppingToken)
    {
        var role = string.Create(CultureInfo.InvariantCulture, $"telegram-polling-{me.Id}");
        while (!stoppingToken.IsCancellationRequested)
        {
            await using var leadership = await election.LeadAsync(role, stoppingToken);
            try
            {
                await PollWhileLeadingAsync(me, leadership, stoppingToken);
            }
            catch (DbException e)
            {
                // The database is away: stop polling (nothing could be recorded) and stand for election again.
                TelegramLog.PollFailed(logger, options.Value.ConflictDelay.TotalSeconds, e);
                await Task.Delay(options.Value.ConflictDelay, time, stoppingToken);
            }
        }
    }

    private async Task PollWhileLeadingAsync(TelegramUser me, Leadership leadership, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var last = await offsets.LastHandledAsync(me.Id, stoppingToken);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested && await leadership.IsHeldAsync(stoppingToken))
        {
            var started = time.GetTimestamp();
            IReadOnlyList<TelegramUpdate> updates;
            try
            {
                updates = await api.GetUpdatesAsync(last + 1, settings.PollTimeoutSeconds, stoppingToken);
                activity.Record(Platform.Telegram);
                failures = 0;
            }
            catch (TelegramApiException e) when (e.ErrorCode == 409)
            {
                TelegramLog.PollConflict(logger, settings.ConflictDelay.TotalSeconds);
                await Task.Delay(settings.ConflictDelay, time, stoppingToken);
                continue;
            }
            catch (TelegramApiException e)
            {
                var delay = Backoff(++failures);
                TelegramLog.PollFailed(logger, delay.TotalSeconds, e);
                await Task.Delay(delay, time, stoppingToken);
                continue;
            }

            var handled = 0;
            foreach (var update in updates.OrderBy(u => u.UpdateId))
            {
                var outcome = await processor.ProcessAsync(update, stoppingToken);

                // Held: a leader that died while handling it claimed it. Not confirmed, so Telegram sends it again
                // and it is handled here once that claim's lease ends.
                if (outcome == ClaimOutcome.Held) break;
                if (outcome == ClaimOutcome.Claimed) handled++;
                last = update.UpdateId;
            }

            // Some servers (the emulator among them) ignore the timeout and answer at once: never poll in a tight loop.
            if (handled == 0 && time.GetElapsedTime(started) < settings.EmptyPollDelay)
            {
                await Task.Delay(settings.EmptyPollDelay, time, stoppingToken);
            }
        }
    }

    private async Task<TelegramUser> GetMeAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var me = await api.GetMeAsync(stoppingToken);
                activity.Record(Platform.Telegram);
                return me;
            }
            catch (TelegramApiException e)
            {
                var delay = Backoff(attempt);
                TelegramLog.StartFailed(logger, delay.TotalSeconds, e);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }

    private async Task RetryAsync(Func<CancellationToken, Task> call, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await call(stoppingToken);
                return;
            }
            catch (TelegramApiException e)
            {
                var delay = Backoff(attempt);
                TelegramLog.StartFailed(logger, delay.TotalSeconds, e);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }

    private async Task SetCommandsAsync(CancellationToken stoppingToken)
    {
        try
        {
            await api.SetMyCommandsAsync(TelegramCommandMenu.From(descriptors), stoppingToken);
        }
        catch (TelegramApiException e)
        {
            TelegramLog.CommandsNotSet(logger, e);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(attempt, 10)), MaxRetryDelay.TotalSeconds));
}
