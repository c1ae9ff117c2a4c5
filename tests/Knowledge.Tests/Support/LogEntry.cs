using Microsoft.Extensions.Logging;

namespace Kuril.Knowledge.Tests.Support;

/// <summary>One message a <see cref="ListLogger{T}"/> received.</summary>
internal sealed record LogEntry(LogLevel Level, EventId EventId, string Message, Exception? Exception);
