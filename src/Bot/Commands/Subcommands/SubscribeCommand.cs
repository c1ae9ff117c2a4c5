using Kuril.Bot.Daily;
using Kuril.Bot.Replies;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary><c>subscribe [HH:MM] [zone]</c>: a daily on-this-day post in this channel, stored; replaces an earlier one.</summary>
public sealed class SubscribeCommand(ISubscriptionStore store, TimeProvider time) : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("subscribe", "[HH:MM] [IANA zone]", "a daily on-this-day post here (channel admins)", "/kuril subscribe 08:30 Asia/Tokyo");

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public async Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!request.IsAdmin) return Reply.Message("Admins only", "Only someone who can manage this channel can subscribe it.");
        if (!DailyTime.TryParse(request.Arguments, out var daily, out var problem))
        {
            return Reply.Message("I can't read that time", problem!, DailyTime.AcceptedForms);
        }

        var now = time.GetUtcNow();
        var subscription = Subscription.From(new ChannelKey(request.Platform, request.ChannelId), daily!, now);
        await store.SaveAsync(subscription, cancellationToken);
        return Reply.Message(
            "Subscribed: daily at " + daily,
            "This channel gets the on-this-day post every day at " + daily + ". /kuril unsubscribe stops it; /kuril preview shows what it looks like.",
            SubscriptionCommand.NextPostText(DailyTrigger.NextPostTime(subscription, daily!.Zone, now), daily.Zone));
    }
}
