namespace Kuril.Bot.Discord.Rest;

/// <summary>
/// A REST route as Discord's rate limits see it: the method and path template, and the major parameter (channel,
/// guild or webhook) whose value gives each channel its own bucket.
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Template">The path template, e.g. <c>/channels/{channel_id}/messages</c>.</param>
/// <param name="MajorParameter">The value of the major parameter, or empty.</param>
/// <param name="Path">The concrete path to request.</param>
public sealed record DiscordRoute(HttpMethod Method, string Template, string MajorParameter, string Path)
{
    /// <summary>The key of the route's own queue before Discord names its bucket.</summary>
    public string Key => $"{Method.Method} {Template} {MajorParameter}";
}
