using System.Text.Json.Serialization;

namespace Kuril.Bot.Telegram.Api;

/// <summary>A chat: private, group, supergroup or channel.</summary>
/// <param name="Id">Its id; negative for groups and channels.</param>
/// <param name="Type">"private", "group", "supergroup" or "channel".</param>
public sealed record TelegramChat(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("type")] string? Type)
{
    /// <summary>Whether it is a one-to-one chat with a user (the emulator leaves the type out of some messages).</summary>
    public bool IsPrivate => Type == "private" || (Type is null && Id > 0);

    /// <summary>Whether Telegram's group limit (20 messages a minute) applies.</summary>
    public bool IsGroup => !IsPrivate;
}
