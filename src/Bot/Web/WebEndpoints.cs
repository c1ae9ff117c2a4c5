using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Web;

/// <summary>The reference site's pages, mapped on the web host when <c>Web:PublicUrl</c> is set.</summary>
public static class WebEndpoints
{
    /// <summary>Where the site's one stylesheet is served.</summary>
    public const string StylesheetPath = "/site.css";

    /// <summary>
    /// Maps <c>/</c>, <c>/search</c> (rate-limited per client address), <c>/sources/{documentId}</c>,
    /// <c>/timeline</c>, <c>/timeline/{MM-DD}</c> and the stylesheet, each with the site's security and caching
    /// headers; trusts forwarded headers first when <c>Web:ForwardedHeaders</c> is on. Does nothing when the site is off.
    /// </summary>
    public static WebApplication MapWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<WebOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebEndpoints).FullName!);
        if (options.BaseUri is not { } root)
        {
            WebLog.SiteOff(logger);
            return app;
        }

        WebLog.SiteOn(logger, root);
        if (options.ForwardedHeaders) app.UseForwardedHeaders();
        app.UseRateLimiter();

        var site = app.MapGroup(string.Empty).AddEndpointFilter<SiteHeaders>();
        site.MapGet("/", (SitePages pages) => pages.Home());
        site.MapGet("/search", (string? q, SitePages pages) => pages.Search(q)).RequireRateLimiting(WebServiceCollectionExtensions.SearchPolicy);
        site.MapGet("/sources/{documentId}", (string documentId, SitePages pages) => pages.Source(documentId));
        site.MapGet("/timeline", (string? period, SitePages pages) => pages.Timeline(period));
        site.MapGet("/timeline/{day}", (string day, SitePages pages) => pages.TimelineDay(day));
        site.MapGet(StylesheetPath, SitePages.Stylesheet);
        return app;
    }
}
