using System.Collections.Concurrent;
using Kuril.Bot.Commands;
using Kuril.Bot.Daily;
using Kuril.Bot.Replies;

namespace Kuril.Bot.Tests.Daily;

/// <summary>
/// A platform that records what reaches it, stamped with the fake clock; a script can make a channel gone, fail a
/// number of times, or stop the "process" after some posts.
/// </summary>
internal sealed class RecordingSender(TimeProvider time, Platform platform = Platform.Discord) : IDailyPostSender
{
    private readonly Lock _crashing = new();
    private bool _dead;

    public ConcurrentQueue<SentPost> Posts { get; } = new();

    public ConcurrentDictionary<string, bool> GoneChannels { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, int> FailuresLeft { get; } = new(StringComparer.Ordinal);

    /// <summary>Cancelled (the process "dies") right after this many posts have reached the platform.</summary>
    public (int After, CancellationTokenSource Source)? CrashAfter
    {
        get;
        set
        {
            field = value;
            _dead = false;
        }
    }

    public Platform Platform => platform;

    public async Task<DailyPostResult> SendAsync(string channelId, Reply post, string nonce, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (GoneChannels.ContainsKey(channelId)) return DailyPostResult.Gone;
        if (FailuresLeft.TryGetValue(channelId, out var left) && left > 0)
        {
            FailuresLeft[channelId] = left - 1;
            return DailyPostResult.Failed;
        }

        if (CrashAfter is not { } crash)
        {
            Posts.Enqueue(new SentPost(channelId, nonce, time.GetUtcNow(), post));
            return DailyPostResult.Sent;
        }

        // Sends run concurrently: once the "process" is dead, nothing still in flight may reach the platform.
        bool dies;
        lock (_crashing)
        {
            if (_dead) throw new OperationCanceledException(crash.Source.Token);
            Posts.Enqueue(new SentPost(channelId, nonce, time.GetUtcNow(), post));
            dies = _dead = Posts.Count >= crash.After;
        }

        if (dies) await crash.Source.CancelAsync();
        return DailyPostResult.Sent;
    }
}
