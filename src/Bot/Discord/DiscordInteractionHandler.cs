using System.Globalization;
using System.Text.Json;
using Kuril.Bot.Commands;
using Kuril.Bot.Replies;
using Kuril.Bot.Replies.Discord;

namespace Kuril.Bot.Discord;

/// <summary>
/// Translates a verified Discord interaction into an internal command or button press, sends it through the one
/// command pipeline, and turns the reply into Discord's response. Nothing here decides what to answer.
/// </summary>
internal sealed class DiscordInteractionHandler(
    CommandDispatcher dispatcher,
    DiscordAutocomplete autocomplete,
    DiscordFollowups followups,
    TimeProvider time) : IDiscordInteractionHandler
{
    private const int ApplicationCommand = 2;
    private const int MessageComponent = 3;
    private const int Autocomplete = 4;
    private const int ModalSubmit = 5;
    private const string FollowUpSubcommand = "followup";
    private const ulong AdministratorPermission = 1UL << 3;
    private const ulong ManageChannelsPermission = 1UL << 4;

    // Discord voids an interaction not answered within 3 s; past this, answer "thinking…" and follow up.
    private static readonly TimeSpan DeferAfter = TimeSpan.FromSeconds(2);

    public async Task<string> HandleAsync(JsonElement interaction, CancellationToken cancellationToken)
    {
        var type = interaction.GetProperty("type").GetInt32();
        return type switch
        {
            ApplicationCommand => await CommandAsync(interaction, cancellationToken),
            MessageComponent => await ComponentAsync(interaction, cancellationToken),
            Autocomplete => Json(autocomplete.Respond(interaction)),
            ModalSubmit => await FormAsync(interaction, cancellationToken),
            _ => Respond(InteractionResponse.Message, Reply.Message("Not supported", "That kind of interaction is not something I handle.")),
        };
    }

    private async Task<string> CommandAsync(JsonElement interaction, CancellationToken cancellationToken)
    {
        var data = Property(interaction, "data");
        if (String(data, "name") != DiscordCommandDefinition.Name)
        {
            return Respond(InteractionResponse.Message, Reply.Message("Unknown command", "I only answer /kuril."));
        }

        if (!TryReadSubcommand(data, out var subcommand, out var arguments))
        {
            return Respond(InteractionResponse.Message, Reply.Message(
                "Could not read that command",
                "Some of its values could not be read. Try typing the command again."));
        }

        var inGuild = Property(interaction, "guild_id").ValueKind == JsonValueKind.String;
        if (!inGuild && DiscordCommandDefinition.SubscriptionCommands.Contains(subcommand))
        {
            return Respond(InteractionResponse.Message, Reply.Message(
                "Subscriptions are for server channels",
                "A daily post needs a server channel to go to: run /kuril subscribe in a channel of your server (you need the Manage Channels permission there)."));
        }

        var request = new CommandRequest(Platform.Discord, UserId(interaction), ChannelId(interaction), subcommand, arguments, inGuild && CanManageChannels(interaction));
        return await DispatchAsync(interaction, request, cancellationToken);
    }

    // Answers within DeferAfter, or says "thinking…" and follows up with the answer.
    private async Task<string> DispatchAsync(JsonElement interaction, CommandRequest request, CancellationToken cancellationToken)
    {
        var work = dispatcher.DispatchAsync(request, CancellationToken.None);
        var finished = await Task.WhenAny(work, Task.Delay(DeferAfter, time, cancellationToken));
        if (finished == work) return Respond(InteractionResponse.Message, await work, interaction);

        followups.CompleteDeferred(String(interaction, "application_id"), String(interaction, "token"), work);
        return Json(new InteractionResponse(InteractionResponse.Deferred, null));
    }

    // The follow-up form's submission: its question, asked as /kuril followup.
    private async Task<string> FormAsync(JsonElement interaction, CancellationToken cancellationToken)
    {
        var data = Property(interaction, "data");
        if (String(data, "custom_id") != DiscordFollowUp.FormId || FormValue(Property(data, "components"), DiscordFollowUp.InputId, 0) is not { } question)
        {
            return Respond(InteractionResponse.Message, Reply.Message("Could not read that form", "Try the Follow up button again, or type /kuril followup <question>."));
        }

        var inGuild = Property(interaction, "guild_id").ValueKind == JsonValueKind.String;
        var request = new CommandRequest(Platform.Discord, UserId(interaction), ChannelId(interaction), FollowUpSubcommand, question, inGuild && CanManageChannels(interaction));
        return await DispatchAsync(interaction, request, cancellationToken);
    }

    // A submitted text input's value, wherever the form nests it: in an action row's components (type 1) or under a
    // label's component (type 18). Bounded in depth, as the payload is the sender's.
    private static string? FormValue(JsonElement components, string inputId, int depth)
    {
        if (depth > 4) return null;
        if (components.ValueKind == JsonValueKind.Object)
        {
            if (String(components, "custom_id") == inputId && TryText(Property(components, "value"), out var value)) return value;
            return FormValue(Property(components, "component"), inputId, depth + 1) ?? FormValue(Property(components, "components"), inputId, depth + 1);
        }

        if (components.ValueKind != JsonValueKind.Array) return null;
        foreach (var component in components.EnumerateArray())
        {
            if (FormValue(component, inputId, depth + 1) is { } found) return found;
        }

        return null;
    }

    private static string FollowUpForm() => JsonSerializer.Serialize(
        new ModalResponse(new DiscordModal(
            DiscordFollowUp.FormId,
            "Follow up on your last question",
            [new DiscordInputRow([new DiscordTextInput(DiscordFollowUp.InputId, "Your follow-up question", 500) { Placeholder = "How did he die?" }])])),
        DiscordJsonContext.Default.ModalResponse);

    private async Task<string> ComponentAsync(JsonElement interaction, CancellationToken cancellationToken)
    {
        var customId = String(Property(interaction, "data"), "custom_id");
        if (customId == DiscordFollowUp.ButtonId) return FollowUpForm();
        var reply = await dispatcher.PressAsync(new ButtonRequest(Platform.Discord, UserId(interaction), ChannelId(interaction), customId), cancellationToken);

        // "More" replaces the page in place; context, votes and errors answer the presser alone.
        var updates = ButtonToken.TryParse(customId, out var token) && token.Action == ButtonAction.More && !reply.ForRequesterOnly;
        if (updates) return Respond(InteractionResponse.Update, reply, interaction);
        return Respond(InteractionResponse.Message, reply with { ForRequesterOnly = true }, interaction);
    }

    private string Respond(int type, Reply reply, JsonElement? interaction = null)
    {
        var messages = DiscordReplyRenderer.Render(reply);
        var flags = reply.ForRequesterOnly ? DiscordMessage.EphemeralFlag : (int?)null;
        if (interaction is { } source && messages.Count > 1)
        {
            followups.Send(String(source, "application_id"), String(source, "token"), messages.Skip(1).Select(m => m with { Flags = flags }).ToList());
        }

        return Json(new InteractionResponse(type, messages[0] with { Flags = flags }));
    }

    private static string Json(InteractionResponse response) =>
        JsonSerializer.Serialize(response, DiscordJsonContext.Default.InteractionResponse);

    private static string Json(AutocompleteResponse response) =>
        JsonSerializer.Serialize(response, DiscordJsonContext.Default.AutocompleteResponse);

    // The subcommand and its option values, joined in the order the handler's argument text expects. Only Discord
    // signs requests, but a value it sends may still be unreadable (a lone surrogate, invalid UTF-8) or the shape
    // odd (a name twice, an option that is not an object): false then, never an exception.
    private static bool TryReadSubcommand(JsonElement data, out string subcommand, out string arguments)
    {
        subcommand = string.Empty;
        arguments = string.Empty;
        var options = Property(data, "options");
        if (options.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return true;
        if (options.ValueKind != JsonValueKind.Array) return false;
        if (options.GetArrayLength() == 0) return true;
        var sub = options[0];
        if (sub.ValueKind != JsonValueKind.Object || !TryText(Property(sub, "name"), out subcommand)) return false;
        var values = Property(sub, "options");
        if (values.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return true;
        if (values.ValueKind != JsonValueKind.Array) return false;
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in values.EnumerateArray())
        {
            if (option.ValueKind != JsonValueKind.Object
                || !TryText(Property(option, "name"), out var name)
                || !TryValueText(Property(option, "value"), out var value)
                || !given.TryAdd(name, value))
            {
                return false;
            }
        }

        if (!DiscordCommandDefinition.Options.TryGetValue(subcommand, out var defined)) return true;
        var parts = defined.Select(o => given.GetValueOrDefault(o.Name, string.Empty)).Where(v => v.Length > 0);
        arguments = string.Join(' ', parts).Trim();
        return true;
    }

    private static bool TryValueText(JsonElement value, out string text)
    {
        text = string.Empty;
        return value.ValueKind switch
        {
            JsonValueKind.String => TryText(value, out text),
            JsonValueKind.Number => (text = value.GetRawText()).Length > 0,
            JsonValueKind.True or JsonValueKind.False or JsonValueKind.Undefined or JsonValueKind.Null => true,
            _ => false,
        };
    }

    // JsonElement has no TryGetString: a string that does not transcode (a lone surrogate escape, invalid UTF-8) throws.
    private static bool TryText(JsonElement value, out string text)
    {
        text = string.Empty;
        if (value.ValueKind != JsonValueKind.String) return false;
        try
        {
            text = value.GetString() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool CanManageChannels(JsonElement interaction)
    {
        var permissions = String(Property(interaction, "member"), "permissions");
        return ulong.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            && (bits & (ManageChannelsPermission | AdministratorPermission)) != 0;
    }

    private static string UserId(JsonElement interaction)
    {
        var member = String(Property(Property(interaction, "member"), "user"), "id");
        return member.Length > 0 ? member : String(Property(interaction, "user"), "id");
    }

    private static string ChannelId(JsonElement interaction)
    {
        var id = String(interaction, "channel_id");
        return id.Length > 0 ? id : String(Property(interaction, "channel"), "id");
    }

    internal static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    internal static string String(JsonElement element, string name) =>
        TryText(Property(element, name), out var text) ? text : string.Empty;
}
