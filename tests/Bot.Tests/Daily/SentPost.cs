using Kuril.Bot.Replies;

namespace Kuril.Bot.Tests.Daily;

/// <summary>A post as it reached a fake platform.</summary>
internal sealed record SentPost(string ChannelId, string Nonce, DateTimeOffset At, Reply Post);
