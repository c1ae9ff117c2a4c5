using System.Buffers;
using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using RazorSlices;

namespace Kuril.Bot.Web;

/// <summary>A page of the site with its status, rendered on the server and sent with its length.</summary>
/// <param name="page">The page's slice (its layout comes with it).</param>
/// <param name="status">The response's status code.</param>
internal sealed class HtmlPage(RazorSlice page, int status) : IResult
{
    // Japanese and Russian text is written as itself, not as character references: only markup characters are encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    // A page renders in hundreds of small writes. Kestrel's response writer takes the connection's lock on each one,
    // which under load cost more than the rendering; a pooled pipe of our own takes them, and the response gets whole
    // segments. Nothing reads while a page renders, so the writer never waits for a reader.
    private static readonly PipeOptions PageBuffer = new(pauseWriterThreshold: 0, resumeWriterThreshold: 0, minimumSegmentSize: 16 * 1024, useSynchronizationContext: false);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var buffer = new Pipe(PageBuffer);
        using (page)
        {
            await page.RenderAsync(buffer.Writer, Encoder, httpContext.RequestAborted);
        }

        await buffer.Writer.CompleteAsync();
        var rendered = await buffer.Reader.ReadAsync(httpContext.RequestAborted);
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = rendered.Buffer.Length;
        foreach (var segment in rendered.Buffer) response.BodyWriter.Write(segment.Span);
        await buffer.Reader.CompleteAsync();
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
