using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Web;

/// <summary>Registers the reference site and the passage links replies carry.</summary>
public static class WebServiceCollectionExtensions
{
    /// <summary>The rate-limit policy of <c>/search</c>: a fixed window per client address.</summary>
    public const string SearchPolicy = "web-search";

    /// <summary>
    /// Adds the <c>Web</c> options (validated on start), the passage links, the pages (Razor slices rendered on
    /// the server), the per-address search limit and, when asked for, the forwarded-headers settings. The pages are mapped by
    /// <see cref="WebEndpoints.MapWeb"/> on a web host.
    /// </summary>
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
        services.AddSingleton<PassageLinks>();
        services.AddSingleton<SitePages>();
        services.AddSingleton<SourceAnchors>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
                {
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                context.HttpContext.Response.Headers.CacheControl = "no-store";
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(SearchPolicy, http =>
            {
                var web = http.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? string.Empty,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = web.SearchPermits, Window = web.SearchWindow, QueueLimit = 0 });
            });
        });
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<WebOptions>>((forwarded, web) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in web.Value.KnownProxies)
            {
                // A value that is not an address is reported by the options' validation, which runs first.
                if (IPAddress.TryParse(proxy, out var address)) forwarded.KnownProxies.Add(address);
            }
        });
        return services;
    }
}
