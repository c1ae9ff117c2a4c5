namespace Kuril.Bot.Web;

/// <summary>Options of the <c>Web</c> configuration section: the reference site and the passage links in replies.</summary>
public sealed class WebOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "Web";

    /// <summary>
    /// The site's public address (<c>https://kuril.example.org</c>), as readers reach it. Set, the bot serves the site
    /// (with <c>Urls</c>) and every citation in replies links to its passage there; empty, neither.
    /// </summary>
    public string PublicUrl { get; set; } = string.Empty;

    /// <summary>Searches one client address may make per <see cref="SearchWindow"/>.</summary>
    public int SearchPermits { get; set; } = 30;

    /// <summary>The fixed window of the per-address search limit.</summary>
    public TimeSpan SearchWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long browsers and proxies may keep a page without asking again.</summary>
    public TimeSpan CacheMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether to believe <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from <see cref="KnownProxies"/> (or a
    /// proxy on loopback when none is listed): on behind a reverse proxy, so rate limits see readers' addresses.
    /// </summary>
    public bool ForwardedHeaders { get; set; }

    /// <summary>The addresses of the reverse proxies whose forwarded headers are believed.</summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    /// <summary>Whether the site is on: a public address is set.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(PublicUrl);

    /// <summary>The public address as a base for links, with a trailing slash; null when the site is off.</summary>
    public Uri? BaseUri => Enabled && Uri.TryCreate(PublicUrl.TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : null;
}
