using System.Net;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Web;

/// <summary>Checks the Web section on start; a wrong value stops the host with a message naming the key.</summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var failures = new List<string>();
        if (options.Enabled && (!Uri.TryCreate(options.PublicUrl.Trim(), UriKind.Absolute, out var url)
            || url.Scheme is not ("http" or "https") || url.AbsolutePath != "/" || url.Query.Length > 0 || url.Fragment.Length > 0))
        {
            failures.Add("Web:PublicUrl must be the site's root as an absolute http(s) URL, without path, query or fragment (e.g. https://kuril.example.org; the pages link from the root), or empty for no site.");
        }

        if (options.SearchPermits is < 1 or > 1_000_000) failures.Add("Web:SearchPermits must be between 1 and 1000000.");
        if (options.SearchWindow < TimeSpan.FromSeconds(1) || options.SearchWindow > TimeSpan.FromHours(1)) failures.Add("Web:SearchWindow must be between 00:00:01 and 01:00:00.");
        if (options.CacheMaxAge < TimeSpan.Zero || options.CacheMaxAge > TimeSpan.FromDays(7)) failures.Add("Web:CacheMaxAge must be between 00:00:00 and 7.00:00:00.");
        foreach (var proxy in options.KnownProxies)
        {
            if (!IPAddress.TryParse(proxy, out _)) failures.Add($"Web:KnownProxies holds '{proxy}', which is not an IP address.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
