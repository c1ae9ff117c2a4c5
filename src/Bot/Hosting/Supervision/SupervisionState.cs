using System.Collections.Concurrent;

namespace Kuril.Bot.Hosting.Supervision;

/// <summary>What <c>/readyz</c> shows of the supervised parts: each one that failed, how often, and the last failure.</summary>
public sealed class SupervisionState
{
    private readonly ConcurrentDictionary<string, PartFailure> _failures = new(StringComparer.Ordinal);

    /// <summary>Records a part's failure: only the exception's type, since a message may carry what logs may not.</summary>
    public void Failed(string part, Exception error, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(error);
        var type = error.GetType().Name;
        _failures.AddOrUpdate(part, _ => new PartFailure(1, type, at), (_, before) => new PartFailure(before.Restarts + 1, type, at));
    }

    /// <summary>Every part that failed since start, by name.</summary>
    public IReadOnlyDictionary<string, PartFailure> Failures => _failures;
}
