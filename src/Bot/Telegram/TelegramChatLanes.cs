using Kuril.Bot.Storage;
using Telegram.Bot.Types;

namespace Kuril.Bot.Telegram;

/// <summary>
/// Handles a batch of updates the way the webhook queue does: concurrently across chats, in order within a chat, with
/// a bound on the updates in flight.
/// </summary>
public static class TelegramChatLanes
{
    /// <summary>The chat an update belongs to (an inline query's or a chatless button's: its user's private chat).</summary>
    public static long ChatOf(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return update.Message?.Chat?.Id
            ?? update.CallbackQuery?.Message?.Chat?.Id
            ?? update.CallbackQuery?.From?.Id
            ?? update.InlineQuery?.From?.Id
            ?? 0;
    }

    /// <summary>
    /// Processes every update, each chat's in order of id, at most <paramref name="inFlight"/> at once; a chat stops at
    /// its first update that comes back <see cref="ClaimOutcome.Held"/>. Returns each processed update's outcome.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, ClaimOutcome>> ProcessAsync(
        IEnumerable<Update> updates,
        Func<Update, CancellationToken, Task<ClaimOutcome>> process,
        int inFlight,
        CancellationToken cancellationToken)
    {
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<int, ClaimOutcome>();
        var chats = updates.OrderBy(u => u.Id).GroupBy(ChatOf);
        await Parallel.ForEachAsync(chats, new ParallelOptions { MaxDegreeOfParallelism = inFlight, CancellationToken = cancellationToken }, async (chat, ct) =>
        {
            foreach (var update in chat)
            {
                var outcome = await process(update, ct);
                outcomes[update.Id] = outcome;
                if (outcome == ClaimOutcome.Held) return;
            }
        });
        return outcomes;
    }
}
