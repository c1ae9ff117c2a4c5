using Microsoft.Playwright;

namespace Kuril.Bot.Tests.Web;

/// <summary>
/// The site on the real bot host and Debian's Chromium driven by Playwright, shared by one test class. Playwright's
/// own browsers are never downloaded: the system's <c>/usr/bin/chromium</c> is launched (<c>.ci/run</c> installs it).
/// </summary>
public sealed class SiteBrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private SiteHost? _site;

    internal SiteHost Site => _site ?? throw new InvalidOperationException("not started");

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _site = await SiteHost.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Chromium's sandbox refuses to run as root, as CI containers do.
            Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
        });
    }

    /// <summary>A fresh page (its own context, so no cache or history is shared) of the given width.</summary>
    public async Task<IPage> NewPageAsync(int width = 1024, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Site.Address.AbsoluteUri,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_site is not null) await _site.DisposeAsync();
    }
}
