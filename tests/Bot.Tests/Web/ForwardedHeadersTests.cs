using System.Net;
using Kuril.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Tests.Web;

/// <summary>Behind a reverse proxy the search limit counts readers' addresses, and only when told to.</summary>
public sealed class ForwardedHeadersTests
{
    [Fact(Timeout = 60_000)]
    public async Task With_forwarded_headers_on_each_reader_behind_the_proxy_has_their_own_limit()
    {
        await using var site = await SiteHost.StartAsync("--Web:SearchPermits=1", "--Web:ForwardedHeaders=true");

        Assert.Equal(HttpStatusCode.OK, await SearchAsync(site, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await SearchAsync(site, "203.0.113.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SearchAsync(site, "203.0.113.1"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_it_a_client_cannot_claim_another_address()
    {
        await using var site = await SiteHost.StartAsync("--Web:SearchPermits=1");

        Assert.Equal(HttpStatusCode.OK, await SearchAsync(site, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SearchAsync(site, "203.0.113.2"));
    }

    [Fact]
    public void A_known_proxy_that_is_not_an_address_stops_the_host_naming_the_key()
    {
        var error = Assert.Throws<OptionsValidationException>(() => BotHost.Build(
            ["--Urls=http://127.0.0.1:0", "--Knowledge:CorpusPath=" + RepoPaths.Corpus, "--Web:PublicUrl=https://kuril.example.org", "--Web:KnownProxies:0=proxy.local"]));

        Assert.Contains("Web:KnownProxies", error.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> SearchAsync(SiteHost site, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search?q=Shikotan");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await site.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
