using System.Data.Common;
using Kuril.Bot.Storage;

namespace Kuril.Bot.Daily;

/// <summary>The keys of the subscription and ledger tables as command parameters.</summary>
internal static class LedgerParameters
{
    /// <summary>Adds <c>@platform</c> and <c>@channel</c>.</summary>
    public static DbCommand WithChannel(this DbCommand command, ChannelKey channel) =>
        command.With("@platform", channel.Platform.ToString()).With("@channel", channel.ChannelId);

    /// <summary>Adds <c>@platform</c>, <c>@channel</c> and <c>@date</c> (a date: SQLite stores it as yyyy-MM-dd text, PostgreSQL as date).</summary>
    public static DbCommand WithDay(this DbCommand command, ChannelKey channel, DateOnly localDate) =>
        command.WithChannel(channel).With("@date", localDate);
}
