using System.Net;
using System.Text;
using Kuril.Bot.Hosting;

namespace Kuril.Bot.Tests.Hosting;

/// <summary>The wait a platform asks for, as the HTTP pipeline's retries read it.</summary>
public sealed class RetryAfterTests
{
    [Theory]
    [InlineData("""{"retry_after":2.5,"global":false}""", "9", null, 2.5)] // Discord: body first
    [InlineData("""{"ok":false,"error_code":429,"parameters":{"retry_after":7}}""", null, null, 7)] // Telegram
    [InlineData("<html>slow down</html>", "3", null, 3)] // not JSON: the header
    [InlineData("{}", null, "1.25", 1.25)] // Discord's bucket reset as the last resort
    [InlineData("""{"retry_after":86400}""", null, null, 300)] // capped
    public async Task Reads_the_body_then_Retry_After_then_the_bucket_reset(string body, string? retryAfter, string? resetAfter, double seconds)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (retryAfter is not null) response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        if (resetAfter is not null) response.Headers.TryAddWithoutValidation("X-RateLimit-Reset-After", resetAfter);

        Assert.Equal(TimeSpan.FromSeconds(seconds), await RetryAfter.ReadAsync(response, TestContext.Current.CancellationToken));

        // The body is still readable by whoever gets the response next.
        Assert.Equal(body, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_server_error_without_hints_leaves_the_backoff_to_the_pipeline()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("""{"retry_after":5}""") };

        Assert.Null(await RetryAfter.ReadAsync(response, TestContext.Current.CancellationToken));
    }
}
