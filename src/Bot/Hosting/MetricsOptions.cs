using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Hosting;

/// <summary>Options of the <c>Metrics</c> configuration section.</summary>
public sealed class MetricsOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "Metrics";

    /// <summary>The scraping path.</summary>
    public const string Path = "/metrics";

    /// <summary>
    /// Whether <c>/metrics</c> serves the bot's, ASP.NET Core's and HttpClient's metrics in Prometheus text whenever
    /// the HTTP server runs (<c>Urls</c>, or a platform endpoint).
    /// </summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>Reads the section; a value that is not a boolean stops the host, naming the key.</summary>
    public static MetricsOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var raw = section[nameof(Prometheus)];
        if (raw is not null && !bool.TryParse(raw, out _))
        {
            throw new OptionsValidationException(SectionName, typeof(MetricsOptions), ["Metrics:Prometheus must be true or false."]);
        }

        return new MetricsOptions { Prometheus = raw is null || bool.Parse(raw) };
    }
}
