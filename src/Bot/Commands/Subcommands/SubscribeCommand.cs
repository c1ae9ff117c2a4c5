using Kuril.Bot.Replies;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary>
/// <c>subscribe [HH:MM] [zone]</c>: a daily on-this-day post in this channel. The store comes with the
/// on-this-day issue; until then the time and zone are validated and nothing is saved.
/// </summary>
public sealed class SubscribeCommand : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("subscribe", "[HH:MM] [IANA zone]", "a daily on-this-day post here (channel admins)", "/kuril subscribe 08:30 Asia/Tokyo");

    /// <summary>What every subscription reply adds until subscriptions are stored.</summary>
    public const string NotStoredYet = "Subscriptions aren't stored yet: they arrive with the on-this-day feature, so nothing was saved.";

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!request.IsAdmin) return Task.FromResult(Reply.Message("Admins only", "Only someone who can manage this channel can subscribe it."));
        if (!DailyTime.TryParse(request.Arguments, out var daily, out var problem))
        {
            return Task.FromResult(Reply.Message("I can't read that time", problem!, DailyTime.AcceptedForms));
        }

        return Task.FromResult(Reply.Message("Subscribe: daily at " + daily, "That time and zone are valid.", NotStoredYet));
    }
}
