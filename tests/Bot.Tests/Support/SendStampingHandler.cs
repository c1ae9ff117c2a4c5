using System.Collections.Concurrent;

namespace Kuril.Bot.Tests.Support;

/// <summary>Stamps each request with the clock's time as it leaves the client, after every limiter has let it go.</summary>
internal sealed class SendStampingHandler(TimeProvider time) : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<DateTimeOffset> Sent { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Sent.Enqueue(time.GetUtcNow());
        return base.SendAsync(request, cancellationToken);
    }
}
