using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Kuril.Knowledge.Tests.Support;

/// <summary>A logger that keeps every message, for assertions.</summary>
internal sealed class ListLogger<T>(ConcurrentQueue<LogEntry>? entries = null) : ILogger<T>
{
    private readonly ConcurrentQueue<LogEntry> _entries = entries ?? new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue(new LogEntry(logLevel, eventId, formatter(state, exception), exception));
}
