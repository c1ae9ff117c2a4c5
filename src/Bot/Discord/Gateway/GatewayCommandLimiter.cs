namespace Kuril.Bot.Discord.Gateway;

/// <summary>Discord closes a connection that sends more than 120 commands in 60 s: wait rather than exceed it.</summary>
internal sealed class GatewayCommandLimiter(TimeProvider time) : IDisposable
{
    public const int Limit = 120;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                while (_sent.Count > 0 && _sent.Peek() <= now - Window) _sent.Dequeue();
                if (_sent.Count < Limit)
                {
                    _sent.Enqueue(now);
                    return;
                }

                await Task.Delay(_sent.Peek() + Window - now, time, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
