using System.Net;
using Kuril.Bot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Tests.Hosting;

/// <summary>
/// <c>/metrics</c> on the bot's own web host (the series themselves are checked end to end in
/// <c>DiscordEndToEndTests</c>): on by default whenever the HTTP server runs, off with <c>Metrics:Prometheus=false</c>.
/// </summary>
public sealed class MetricsEndpointTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("kuril-metrics-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_http_server_serves_prometheus_text_at_metrics()
    {
        var (metrics, health) = await GetAsync();

        Assert.Equal(HttpStatusCode.OK, metrics.Status);
        Assert.StartsWith("text/plain", metrics.ContentType, StringComparison.Ordinal);
        Assert.Contains("# TYPE ", metrics.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health);
    }

    [Fact(Timeout = 60_000)]
    public async Task Metrics_prometheus_false_turns_it_off()
    {
        var (metrics, health) = await GetAsync("--Metrics:Prometheus=false");

        Assert.Equal(HttpStatusCode.NotFound, metrics.Status);
        Assert.Equal(HttpStatusCode.OK, health);
    }

    [Fact]
    public void A_value_that_is_not_a_boolean_stops_the_host_naming_the_key()
    {
        var error = Assert.Throws<OptionsValidationException>(() => BotHost.Build([.. Arguments(), "--Metrics:Prometheus=maybe"]));

        Assert.Contains("Metrics:Prometheus", error.Message, StringComparison.Ordinal);
    }

    private string[] Arguments() =>
    [
        "--Urls=http://127.0.0.1:0",
        "--Knowledge:CorpusPath=" + RepoPaths.Corpus,
        "--Knowledge:DataPath=" + _data,
        "--Knowledge:WatchCorpus=false",
    ];

    private async Task<((HttpStatusCode Status, string? ContentType, string Body) Metrics, HttpStatusCode Health)> GetAsync(params string[] extra)
    {
        using var host = BotHost.Build([.. Arguments(), .. extra]);
        await host.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            using var metrics = await client.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
            using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
            var body = await metrics.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            return ((metrics.StatusCode, metrics.Content.Headers.ContentType?.MediaType, body), health.StatusCode);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
