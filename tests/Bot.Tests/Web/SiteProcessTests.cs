using System.Net;
using Kuril.Bot.Tests.Support;

namespace Kuril.Bot.Tests.Web;

/// <summary>The built bot as an operator runs it: with one setting beside <c>Urls</c>, the site is served.</summary>
public sealed class SiteProcessTests(DataFolderFixture data) : IClassFixture<DataFolderFixture>
{
    [Fact(Timeout = 120_000)]
    public async Task One_setting_serves_the_site_and_says_so()
    {
        await using var bot = await RunningBot.StartAsync(new Dictionary<string, string>
        {
            ["Web__PublicUrl"] = "https://kuril.example.org",
            ["Knowledge__DataPath"] = data.Path,
            ["Knowledge__WatchCorpus"] = "false",
        });
        using var http = new HttpClient { BaseAddress = bot.Address };

        await bot.WaitForLogAsync("Reference site is on: pages and passage links under https://kuril.example.org/", TimeSpan.FromSeconds(30));
        using var response = await http.GetAsync(new Uri("/sources/kuril-collected-excerpts", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<link rel=\"canonical\" href=\"https://kuril.example.org/sources/kuril-collected-excerpts\"", body, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task Without_it_the_log_says_how_to_turn_it_on()
    {
        await using var bot = await RunningBot.StartAsync(new Dictionary<string, string>
        {
            ["Knowledge__DataPath"] = data.Path,
            ["Knowledge__WatchCorpus"] = "false",
        });

        await bot.WaitForLogAsync("Reference site is off: set Web__PublicUrl", TimeSpan.FromSeconds(30));
    }
}
