using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kuril.Knowledge.Evaluation;

/// <summary>Reads a gold entry written either as one string or as a list of strings that must stand in one excerpt.</summary>
internal sealed class GoldEntryConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return [reader.GetString()!];
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("a gold entry must be a string or a list of strings");
        var parts = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String) throw new JsonException("a gold entry's list must hold only strings");
            parts.Add(reader.GetString()!);
        }

        if (parts.Count == 0) throw new JsonException("a gold entry's list is empty");
        return parts;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var part in value) writer.WriteStringValue(part);
        writer.WriteEndArray();
    }
}
