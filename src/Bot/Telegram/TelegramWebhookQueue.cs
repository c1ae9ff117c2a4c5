using System.Threading.Channels;
using Telegram.Bot.Types;

namespace Kuril.Bot.Telegram;

/// <summary>
/// Updates accepted by the webhook, waiting to be handled. The endpoint answers Telegram at once and the worker
/// handles them in order; when the queue is full the endpoint refuses the update so Telegram sends it again later.
/// </summary>
public sealed class TelegramWebhookQueue
{
    /// <summary>Most updates waiting.</summary>
    public const int Capacity = 1000;

    private readonly Channel<Update> _channel = Channel.CreateBounded<Update>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _accepted;

    /// <summary>How many updates were accepted since start.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Queues an update; false when the queue is full.</summary>
    public bool TryEnqueue(Update update)
    {
        if (!_channel.Writer.TryWrite(update)) return false;
        Interlocked.Increment(ref _accepted);
        return true;
    }

    /// <summary>The updates, in order, as they arrive.</summary>
    public IAsyncEnumerable<Update> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Takes a queued update without waiting, if any.</summary>
    public bool TryDequeue(out Update? update) => _channel.Reader.TryRead(out update);
}
