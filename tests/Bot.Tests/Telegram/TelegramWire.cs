using System.Text.Json;
using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Kuril.Bot.Tests.Telegram;

/// <summary>Bot API JSON as tests write it, read with Telegram.Bot's own serializer settings.</summary>
internal static class TelegramWire
{
    /// <summary>The fake Bot API's bot account.</summary>
    public static User FakeBot => new() { Id = FakeTelegramServer.BotId, IsBot = true, FirstName = "Kuril", Username = FakeTelegramServer.BotUsername };

    /// <summary>One update.</summary>
    public static Update Update(string json) => JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options)!;

    /// <summary>The updates of a getUpdates answer.</summary>
    public static Update[] Updates(string answer) => JsonNode.Parse(answer)!["result"].Deserialize<Update[]>(JsonBotAPI.Options)!;
}
