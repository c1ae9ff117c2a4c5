using System.Globalization;
using Kuril.Bot.Daily;
using Kuril.Bot.Replies;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary><c>subscription</c>: this channel's daily post, if any: time, zone and the next post in local time and UTC.</summary>
public sealed class SubscriptionCommand(ISubscriptionStore store, TimeProvider time) : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("subscription", string.Empty, "this channel's daily post, if any", "/kuril subscription");

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public async Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Arguments.Length > 0) return Reply.Message("No arguments, please", "Use just: " + Info.Example);
        var subscription = await store.FindAsync(new ChannelKey(request.Platform, request.ChannelId), cancellationToken);
        if (subscription is null) return Reply.Message("Subscription", "This channel has no daily post. " + SubscribeCommand.Info.Example + " starts one.");
        var daily = subscription.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture) + " " + subscription.ZoneId;
        if (subscription.FindZone() is not { } zone)
        {
            return Reply.Message("Subscription: daily at " + daily, "This machine doesn't know that zone, so no post is scheduled; subscribe again with a known one.");
        }

        return Reply.Message("Subscription: daily at " + daily, NextPostText(DailyTrigger.NextPostTime(subscription, zone, time.GetUtcNow()), zone));
    }

    /// <summary>"Next post: Wed 2026-08-19 09:00 Asia/Tokyo (2026-08-19 00:00 UTC)."</summary>
    public static string NextPostText(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var c = CultureInfo.InvariantCulture;
        return $"Next post: {local.ToString("ddd yyyy-MM-dd HH:mm", c)} {zone.Id} ({at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", c)} UTC).";
    }
}
