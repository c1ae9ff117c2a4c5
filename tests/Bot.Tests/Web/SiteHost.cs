using System.Net;
using System.Net.Sockets;
using Kuril.Bot.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;

namespace Kuril.Bot.Tests.Web;

/// <summary>
/// The real bot host serving the reference site on a free loopback port (its <c>Web:PublicUrl</c>), over the shipped
/// corpus with its own temporary data folder.
/// </summary>
internal sealed class SiteHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _data;

    private SiteHost(IHost host, string data, Uri address)
    {
        _host = host;
        _data = data;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<SiteHost> StartAsync(params string[] extra)
    {
        var data = Directory.CreateTempSubdirectory("kuril-web-").FullName;
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var host = BotHost.Build(
        [
            "--Urls=" + address.AbsoluteUri.TrimEnd('/'),
            "--Web:PublicUrl=" + address.AbsoluteUri,
            "--Knowledge:CorpusPath=" + RepoPaths.Corpus,
            "--Knowledge:DataPath=" + data,
            "--Knowledge:WatchCorpus=false",
            .. extra,
        ]);
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new SiteHost(host, data, address);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
