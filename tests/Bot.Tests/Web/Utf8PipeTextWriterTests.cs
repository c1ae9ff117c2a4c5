using System.IO.Pipelines;
using System.Text;
using Kuril.Bot.Web;

namespace Kuril.Bot.Tests.Web;

/// <summary>Pages are encoded straight into the response's pipe; what arrives must be the page's text as UTF-8.</summary>
public sealed class Utf8PipeTextWriterTests
{
    [Fact]
    public async Task Writes_every_script_as_utf8_across_chunks_and_calls()
    {
        // Longer than one chunk, with surrogate pairs split between two writes and characters of 1 to 4 bytes.
        var text = string.Concat(Enumerable.Repeat("Кунашир 国後島 Kunashiri 🏝️ «19 августа» — ", 400));
        var pipe = new Pipe();
        WriteInPieces(pipe.Writer, text);

        Assert.Equal(Encoding.UTF8.GetBytes(text), await ReadAllAsync(pipe));
    }

    [Fact]
    public async Task Ends_a_lone_high_surrogate_as_a_replacement_character()
    {
        var pipe = new Pipe();
        WriteInPieces(pipe.Writer, "end \uD83C");

        Assert.Equal("end \uFFFD", Encoding.UTF8.GetString(await ReadAllAsync(pipe)));
    }

    // The renderer writes synchronously, a character, a string or part of an array at a time.
    private static void WriteInPieces(PipeWriter pipe, string text)
    {
        using var writer = new Utf8PipeTextWriter(pipe);
        for (var at = 0; at < text.Length;)
        {
            var length = Math.Min(text.Length - at, 1 + (at % 7));
            if (length == 1) writer.Write(text[at]);
            else if (length % 2 == 0) writer.Write(new string(text.AsSpan(at, length)));
            else writer.Write(text.ToCharArray(), at, length);
            at += length;
        }
    }

    private static async Task<byte[]> ReadAllAsync(Pipe pipe)
    {
        await pipe.Writer.CompleteAsync();
        using var bytes = new MemoryStream();
        await pipe.Reader.CopyToAsync(bytes);
        return bytes.ToArray();
    }
}
