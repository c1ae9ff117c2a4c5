namespace Kuril.Bot.Telegram;

/// <summary>
/// Spaces the bot's messages below Telegram's limits (shared/PLATFORMS.md): one a second per chat, twenty a minute
/// per group, thirty a second overall. Each send reserves the earliest slot that keeps all three and waits for it,
/// so a burst is queued in order rather than answered with 429s.
/// </summary>
public sealed class TelegramSendLimiter(TimeProvider time)
{
    /// <summary>Time between two messages to one chat.</summary>
    public static readonly TimeSpan PerChat = TimeSpan.FromSeconds(1);

    /// <summary>Messages a group may get per <see cref="GroupWindow"/>.</summary>
    public const int PerGroup = 20;

    /// <summary>The window of <see cref="PerGroup"/>.</summary>
    public static readonly TimeSpan GroupWindow = TimeSpan.FromMinutes(1);

    /// <summary>Messages per second over all chats.</summary>
    public const int Overall = 30;

    private static readonly TimeSpan OverallWindow = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan OverallStep = TimeSpan.FromTicks(OverallWindow.Ticks / Overall);

    private readonly Lock _lock = new();
    private readonly Dictionary<long, DateTimeOffset> _nextPerChat = [];
    private readonly Dictionary<long, Queue<DateTimeOffset>> _groupSends = [];
    private readonly List<DateTimeOffset> _recent = [];

    /// <summary>Waits for this chat's next slot, and says how long that was. Group chats have negative ids.</summary>
    public async Task<TimeSpan> WaitAsync(long chatId, CancellationToken cancellationToken)
    {
        var wait = Reserve(chatId);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
        return wait;
    }

    /// <summary>Reserves the next slot for a chat and says how long until it.</summary>
    public TimeSpan Reserve(long chatId)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Prune(now);
            var at = now;
            if (_nextPerChat.TryGetValue(chatId, out var next) && next > at) at = next;

            Queue<DateTimeOffset>? group = null;
            if (chatId < 0)
            {
                if (!_groupSends.TryGetValue(chatId, out group)) _groupSends[chatId] = group = new Queue<DateTimeOffset>();
                if (group.Count >= PerGroup && group.Peek() + GroupWindow > at) at = group.Peek() + GroupWindow;
            }

            // Other chats' reservations may lie ahead of this one, so the overall limit looks both ways from the slot.
            while (_recent.Count(t => (t - at).Duration() < OverallWindow) >= Overall) at += OverallStep;

            _nextPerChat[chatId] = at + PerChat;
            if (group is not null)
            {
                group.Enqueue(at);
                while (group.Count > PerGroup) group.Dequeue();
            }

            _recent.Add(at);
            return at - now;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        _recent.RemoveAll(t => t < now - OverallWindow);
        if (_nextPerChat.Count < 10_000) return;
        foreach (var (chat, next) in _nextPerChat.ToList())
        {
            if (next < now) _nextPerChat.Remove(chat);
        }

        foreach (var (chat, sends) in _groupSends.ToList())
        {
            if (sends.Count == 0 || sends.Last() + GroupWindow < now) _groupSends.Remove(chat);
        }
    }
}
