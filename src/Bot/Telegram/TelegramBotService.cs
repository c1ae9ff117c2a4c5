using System.Data.Common;
using System.Globalization;
using Kuril.Bot.Commands;
using Kuril.Bot.Hosting;
using Kuril.Bot.Hosting.Health;
using Kuril.Bot.Hosting.Supervision;
using Kuril.Bot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Kuril.Bot.Telegram;

/// <summary>
/// Starts the Telegram adapter: getMe (retried until Telegram answers), the command menus, then either the webhook
/// (setWebhook with a random secret) or long polling. Polling asks for the update after the last one handled, with a
/// long timeout and an explicit list of update kinds; it never spins. A 409 Conflict because a webhook is still set
/// (the bot was switched from webhook to polling) deletes the webhook once; any other 409 is logged and retried slowly.
/// Of several instances sharing a database only the elected leader polls; the others stand by and take over when it
/// dies, resuming after the last update it handled.
/// </summary>
public sealed class TelegramBotService(
    ITelegramBotClient bot,
    TelegramBotIdentity identity,
    TelegramOffsetStore offsets,
    LeaderElection election,
    TelegramUpdateProcessor processor,
    IEnumerable<CommandDescriptor> descriptors,
    TelegramWebhookSecret secret,
    PlatformActivity activity,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramBotService> logger,
    Supervisor supervisor) : SupervisedService(supervisor, "telegram")
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        var me = await UntilDoneAsync(ct => bot.GetMe(ct), stoppingToken);
        identity.Set(me);

        // The menu is a convenience: it is set alongside, and a failure there only warns.
        var commands = SetCommandsAsync(stoppingToken);
        try
        {
            if (options.Value.UsesWebhook)
            {
                await UntilDoneAsync(
                    async ct =>
                    {
                        await bot.SetWebhook(options.Value.WebhookUrl!.AbsoluteUri, allowedUpdates: TelegramUpdateHandler.AllowedUpdates, secretToken: secret.Value, cancellationToken: ct);
                        return true;
                    },
                    stoppingToken);
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

    private async Task PollAsync(User me, CancellationToken stoppingToken)
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

    private async Task PollWhileLeadingAsync(User me, Leadership leadership, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var last = await offsets.LastHandledAsync(me.Id, stoppingToken);
        var backoff = new Backoff(FirstRetry, MaxRetry);
        var webhookDeleted = false;
        while (!stoppingToken.IsCancellationRequested && await leadership.IsHeldAsync(stoppingToken))
        {
            var started = time.GetTimestamp();
            Update[] updates;
            try
            {
                updates = await bot.GetUpdates((int?)(last + 1), timeout: settings.PollTimeoutSeconds, allowedUpdates: TelegramUpdateHandler.AllowedUpdates, cancellationToken: stoppingToken);
                activity.Record(Platform.Telegram);
                backoff.Reset();
            }
            catch (ApiRequestException e) when (e.ErrorCode == 409 && !webhookDeleted && e.Message.Contains("webhook", StringComparison.OrdinalIgnoreCase))
            {
                // Switched from webhook to polling: the webhook goes (its pending updates stay for getUpdates).
                TelegramLog.WebhookDeleted(logger);
                await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: stoppingToken);
                webhookDeleted = true;
                continue;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 409)
            {
                TelegramLog.PollConflict(logger, settings.ConflictDelay.TotalSeconds);
                await Task.Delay(settings.ConflictDelay, time, stoppingToken);
                continue;
            }
            catch (RequestException e)
            {
                var delay = backoff.Next();
                TelegramLog.PollFailed(logger, delay.TotalSeconds, e);
                await Task.Delay(delay, time, stoppingToken);
                continue;
            }

            // Concurrently across chats, in order within each; the batch is confirmed once all of it is handled.
            var outcomes = await TelegramChatLanes.ProcessAsync(updates, processor.ProcessAsync, settings.MaxUpdatesInFlight, stoppingToken);
            var handled = outcomes.Values.Count(o => o == ClaimOutcome.Claimed);

            // Held: a leader that died while handling it claimed it. Not confirmed (nor anything after it), so Telegram
            // sends it again and it is handled here once that claim's lease ends; what was handled after it is skipped.
            var held = outcomes.Where(o => o.Value == ClaimOutcome.Held).Select(o => o.Key).DefaultIfEmpty(int.MaxValue).Min();
            var confirmed = updates.Where(u => u.Id < held).ToList();
            if (confirmed.Count > 0) last = confirmed.Max(u => u.Id);

            // Some servers (the emulator among them) ignore the timeout and answer at once: never poll in a tight loop.
            if (handled == 0 && time.GetElapsedTime(started) < settings.EmptyPollDelay)
            {
                await Task.Delay(settings.EmptyPollDelay, time, stoppingToken);
            }
        }
    }

    // Start-up calls are retried until Telegram answers (the HTTP pipeline has retried each call already).
    private async Task<T> UntilDoneAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken stoppingToken)
    {
        var backoff = new Backoff(FirstRetry, MaxRetry);
        while (true)
        {
            try
            {
                var result = await call(stoppingToken);
                activity.Record(Platform.Telegram);
                return result;
            }
            catch (RequestException e)
            {
                var delay = backoff.Next();
                TelegramLog.StartFailed(logger, delay.TotalSeconds, e);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }

    private async Task SetCommandsAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var (scope, commands) in TelegramCommandMenu.From(descriptors))
            {
                await bot.SetMyCommands(commands, scope, cancellationToken: stoppingToken);
            }
        }
        catch (RequestException e)
        {
            TelegramLog.CommandsNotSet(logger, e);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
