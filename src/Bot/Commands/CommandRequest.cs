namespace Kuril.Bot.Commands;

/// <summary>A <c>/kuril</c> command as a platform adapter hands it over, whatever platform it came from.</summary>
/// <param name="Platform">The platform.</param>
/// <param name="UserId">The platform's id of the user; stored only as a hash.</param>
/// <param name="ChannelId">The platform's id of the channel or chat.</param>
/// <param name="Subcommand">The subcommand, e.g. <c>ask</c>; empty when none was given.</param>
/// <param name="Arguments">Everything after the subcommand, trimmed.</param>
/// <param name="IsAdmin">Whether the user may manage the channel (subscriptions).</param>
public sealed record CommandRequest(Platform Platform, string UserId, string ChannelId, string Subcommand, string Arguments, bool IsAdmin);
