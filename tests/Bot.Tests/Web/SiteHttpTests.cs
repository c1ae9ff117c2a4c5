using System.Net;
using System.Net.Http.Headers;
using Kuril.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Tests.Web;

/// <summary>The site's HTTP contract on the real host: security and caching headers, limits and what is not there.</summary>
public sealed class SiteHttpTests : IAsyncLifetime
{
    private SiteHost _site = null!;

    public async ValueTask InitializeAsync() => _site = await SiteHost.StartAsync("--Web:SearchPermits=3", "--Web:SearchWindow=00:01:00");

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    [Theory(Timeout = 60_000)]
    [InlineData("/")]
    [InlineData("/search?q=Yalta")]
    [InlineData("/sources/kuril-collected-excerpts")]
    [InlineData("/timeline")]
    [InlineData("/timeline/08-18")]
    public async Task Every_page_forbids_scripts_and_sniffing(string path)
    {
        using var response = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_page_the_browser_has_is_not_sent_again()
    {
        using var first = await GetAsync("/sources/kuril-collected-excerpts");
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.True(first.Headers.CacheControl?.Public);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/sources/kuril-collected-excerpts");
        again.Headers.IfNoneMatch.Add(tag);
        using var second = await _site.Client.SendAsync(again, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(tag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_stale_tag_gets_the_page()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/timeline");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        using var response = await _site.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task Searches_over_the_limit_of_one_address_get_429_with_retry_after()
    {
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await GetAsync("/search?q=Shikotan+" + i);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await GetAsync("/search?q=Shikotan");
        using var page = await GetAsync("/timeline");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode); // only searches are limited
    }

    [Fact(Timeout = 60_000)]
    public async Task A_question_longer_than_commands_accept_is_refused()
    {
        using var response = await GetAsync("/search?q=" + new string('k', 501));
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("please keep it to 500 or fewer", body, StringComparison.Ordinal);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("/sources/no-such-document")]
    [InlineData("/timeline/02-30")]
    public async Task An_unknown_document_or_day_is_404(string path)
    {
        using var response = await GetAsync(path);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Not found</h1>", body, StringComparison.Ordinal);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("/sources/")]
    [InlineData("/Web/")]
    [InlineData("/corpus/documents/")]
    public async Task No_folder_is_listed(string path)
    {
        using var response = await GetAsync(path);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Index of", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_stylesheet_is_served_under_the_same_policy()
    {
        using var response = await GetAsync("/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(":target", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact(Timeout = 60_000)]
    public async Task Health_endpoints_keep_their_own_headers()
    {
        using var response = await GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_a_public_url_there_is_no_site()
    {
        await using var bare = await SiteHost.StartAsync("--Web:PublicUrl=");
        using var search = await bare.Client.GetAsync(new Uri("/search?q=Yalta", UriKind.Relative), TestContext.Current.CancellationToken);
        using var health = await bare.Client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, search.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("kuril.example.org")]
    [InlineData("ftp://kuril.example.org")]
    [InlineData("https://kuril.example.org/?page=1")]
    [InlineData("https://example.org/kuril")]
    public void A_public_url_that_is_not_an_http_address_stops_the_host_naming_the_key(string url)
    {
        var error = Assert.Throws<OptionsValidationException>(() => BotHost.Build(["--Urls=http://127.0.0.1:0", "--Knowledge:CorpusPath=" + RepoPaths.Corpus, "--Web:PublicUrl=" + url]));

        Assert.Contains("Web:PublicUrl", error.Message, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> GetAsync(string path) => _site.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
}
