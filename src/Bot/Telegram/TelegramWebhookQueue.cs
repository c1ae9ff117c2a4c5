using System.Threading.Channels;
using Telegram.Bot.Types;

namespace Kuril.Bot.Telegram;

/// <summary>
/// Updates accepted by the webhook, waiting to be handled: one lane per chat, in order of arrival within it, and the
/// chats with work taking turns, so a flood in one chat never holds back the others. The endpoint answers Telegram at
/// once; when the whole queue is full it refuses the update so Telegram sends it again later, and a chat already
/// holding its share has its further updates dropped (a flood the rate limit would refuse anyway).
/// </summary>
public sealed class TelegramWebhookQueue
{
    /// <summary>Most updates waiting, all chats together.</summary>
    public const int Capacity = 1000;

    /// <summary>Most updates waiting from one chat: a tenth of the queue.</summary>
    public const int ChatCapacity = Capacity / 10;

    private readonly Lock _lock = new();

    // A chat has a lane while it has work: waiting in the lane, or one update of it being handled.
    private readonly Dictionary<long, Queue<Update>> _lanes = [];
    // Not single-reader: TryDequeue may be called from several threads at once (a drain while the worker runs).
    private readonly Channel<long> _turns = Channel.CreateUnbounded<long>();
    private int _waiting;
    private long _accepted;

    /// <summary>How many updates were accepted since start.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Queues an update in its chat's lane, or says why not.</summary>
    public TelegramEnqueueOutcome TryEnqueue(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var chat = TelegramChatLanes.ChatOf(update);
        lock (_lock)
        {
            if (_waiting >= Capacity) return TelegramEnqueueOutcome.QueueFull;
            if (!_lanes.TryGetValue(chat, out var lane))
            {
                lane = new Queue<Update>();
                _lanes[chat] = lane;
                _turns.Writer.TryWrite(chat);
            }
            else if (lane.Count >= ChatCapacity)
            {
                return TelegramEnqueueOutcome.ChatOverShare;
            }

            lane.Enqueue(update);
            _waiting++;
        }

        Interlocked.Increment(ref _accepted);
        return TelegramEnqueueOutcome.Queued;
    }

    /// <summary>The chats whose turn it is, as they come; take the chat's next update with <see cref="TakeNext"/>.</summary>
    public IAsyncEnumerable<long> TurnsAsync(CancellationToken cancellationToken) => _turns.Reader.ReadAllAsync(cancellationToken);

    /// <summary>The chat's next update, for the chat whose turn it is.</summary>
    public Update TakeNext(long chat)
    {
        lock (_lock)
        {
            _waiting--;
            return _lanes[chat].Dequeue();
        }
    }

    /// <summary>Ends the chat's turn: it queues for another when more of its updates wait, else its lane closes.</summary>
    public void EndTurn(long chat)
    {
        lock (_lock)
        {
            if (_lanes[chat].Count == 0) _lanes.Remove(chat);
            else _turns.Writer.TryWrite(chat);
        }
    }

    /// <summary>Takes the next queued update, of whichever chat's turn is next, without waiting, if any.</summary>
    public bool TryDequeue(out Update? update)
    {
        update = null;
        if (!_turns.Reader.TryRead(out var chat)) return false;
        update = TakeNext(chat);
        EndTurn(chat);
        return true;
    }
}
