using Kuril.Knowledge.Answers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kuril.Bot.Web;

/// <summary>
/// The headers of every site response: a Content-Security-Policy that allows no script, no sniffing, and caching by
/// an ETag from the index fingerprint (and the build), answered with 304 when the browser already has the page.
/// </summary>
internal sealed class SiteHeaders(IKnowledgeBase knowledge, IOptions<WebOptions> options) : IEndpointFilter
{
    /// <summary>What pages may load: their own stylesheet, nothing else, and no script at all.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    // Pages change with the index and with the code that renders them.
    private static readonly string Build = typeof(SiteHeaders).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        var tag = new EntityTagHeaderValue("\"" + knowledge.Fingerprint[..16] + "-" + Build + "\"");
        headers.ETag = tag.ToString();
        headers.CacheControl = "public, max-age=" + ((long)options.Value.CacheMaxAge.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers.Vary = "Accept-Encoding";
        var known = http.Request.GetTypedHeaders().IfNoneMatch;
        if (known.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return await next(context);
    }
}
