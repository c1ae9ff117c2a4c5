using System.Collections.Concurrent;
using Kuril.Bot.Commands;

namespace Kuril.Bot.Hosting.Health;

/// <summary>When each platform was last heard from (a verified request, a successful API call), for readiness.</summary>
public sealed class PlatformActivity(TimeProvider time)
{
    private readonly ConcurrentDictionary<Platform, DateTimeOffset> _lastContact = new();

    /// <summary>Notes a contact with a platform now.</summary>
    public void Record(Platform platform) => _lastContact[platform] = time.GetUtcNow();

    /// <summary>The last contact with a platform, or null if none yet.</summary>
    public DateTimeOffset? LastContact(Platform platform) => _lastContact.TryGetValue(platform, out var at) ? at : null;
}
