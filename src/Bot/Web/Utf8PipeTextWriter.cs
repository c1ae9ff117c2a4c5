using System.Globalization;
using System.IO.Pipelines;
using System.Text;

namespace Kuril.Bot.Web;

/// <summary>
/// A text writer that encodes into a pipe as UTF-8: a page goes from the renderer into the response's pooled buffers,
/// never through a string. Writes stay synchronous, as the renderer needs; nothing is sent until the pipe is flushed.
/// </summary>
internal sealed class Utf8PipeTextWriter(PipeWriter pipe) : TextWriter(CultureInfo.InvariantCulture)
{
    // Enough for any one character (a surrogate pair is 4 bytes); larger asks only save calls.
    private const int MinimumBytes = 4;
    private const int ChunkBytes = 4096;

    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var bytes = pipe.GetSpan(Math.Clamp(buffer.Length * 3, MinimumBytes, ChunkBytes));
            _encoder.Convert(buffer, bytes, flush: false, out var used, out var written, out _);
            pipe.Advance(written);
            buffer = buffer[used..];
        }
    }

    // A lone high surrogate left at the end is written as U+FFFD rather than dropped.
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _encoder.Convert([], pipe.GetSpan(MinimumBytes), flush: true, out _, out var written, out _);
            pipe.Advance(written);
        }

        base.Dispose(disposing);
    }
}
