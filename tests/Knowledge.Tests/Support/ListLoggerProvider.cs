using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Kuril.Knowledge.Tests.Support;

/// <summary>Collects the messages of every logger of a service provider, for assertions.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new ListLogger<ListLoggerProvider>(_entries);

    public void Dispose()
    {
    }
}
