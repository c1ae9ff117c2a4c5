namespace Kuril.Bot.Discord.Gateway;

/// <summary>
/// Spaces Identify calls as <c>session_start_limit</c> says: no more than <c>max_concurrency</c> every 5 seconds,
/// and none while the day's <c>remaining</c> starts are used up (until <c>reset_after</c>).
/// </summary>
internal sealed class IdentifyScheduler(TimeProvider time, int remaining, TimeSpan resetAfter, int maxConcurrency) : IDisposable
{
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly DateTimeOffset _resetAt = time.GetUtcNow() + resetAfter;
    private int _remaining = remaining;

    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_remaining <= 0)
            {
                var wait = _resetAt - time.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
                _remaining = int.MaxValue; // a fresh day; the next GET /gateway/bot gives the exact figure
            }

            while (true)
            {
                var now = time.GetUtcNow();
                while (_recent.Count > 0 && _recent.Peek() <= now - Spacing) _recent.Dequeue();
                if (_recent.Count < Math.Max(1, maxConcurrency)) break;
                await Task.Delay(_recent.Peek() + Spacing - now, time, cancellationToken);
            }

            _recent.Enqueue(time.GetUtcNow());
            _remaining--;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
