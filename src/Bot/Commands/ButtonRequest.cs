namespace Kuril.Bot.Commands;

/// <summary>A press on one of the bot's buttons, as a platform adapter hands it over.</summary>
/// <param name="Platform">The platform.</param>
/// <param name="UserId">The platform's id of the user who pressed; stored only as a hash.</param>
/// <param name="ChannelId">The platform's id of the channel or chat.</param>
/// <param name="Token">The button's custom_id / callback_data, as the bot wrote it (see <see cref="Replies.ButtonToken"/>).</param>
public sealed record ButtonRequest(Platform Platform, string UserId, string ChannelId, string Token);
