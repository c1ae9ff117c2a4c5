using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Web;

/// <summary>A page of the site, rendered on the server straight into the response.</summary>
/// <typeparam name="TPage">The page's component.</typeparam>
internal sealed class HtmlPage<TPage>(Dictionary<string, object?> parameters, int status) : IResult
    where TPage : IComponent
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";

        // A renderer per page: HtmlRenderer runs one render at a time, and pages render concurrently. It needs no
        // endpoint machinery (antiforgery, data protection keys), as nothing on the site is interactive.
        var services = httpContext.RequestServices;
        await using (var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>()))
        {
            await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var page = await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(parameters));
                using var writer = new Utf8PipeTextWriter(response.BodyWriter);
                page.WriteHtmlTo(writer);
            });
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
