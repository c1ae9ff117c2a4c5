using System.Text.Json.Nodes;

namespace Kuril.Bot.Tests.Support;

/// <summary>Turns a valid platform payload into a hostile one, the way a buggy or malicious sender might.</summary>
internal static class JsonMangler
{
    private const string Splice = "\"\u0000\uDFFF,}{:";

    /// <summary>
    /// The payload with one value (at any depth) swapped for another kind — null, a number out of range, a
    /// 10,000-character or lone-surrogate string, an empty array or object, a mention — or its text cut, spliced or
    /// opened 5,000 levels deep. The payload itself is changed.
    /// </summary>
    public static string Mangle(Random random, JsonObject payload)
    {
        var text = payload.ToJsonString();
        if (random.Next(2) == 0)
        {
            var values = Descendants(payload).Where(n => n.Parent is not null).ToList();
            var target = values[random.Next(values.Count)];
            JsonNode?[] replacements = [null, 0, -1, 1e308, long.MaxValue, string.Empty, new string('x', 10_000), new JsonArray(), new JsonObject(), true, "\uD800", "@everyone <@&1>"];
            var replacement = replacements[random.Next(replacements.Length)];
            switch (target.Parent)
            {
                case JsonObject parent:
                    parent[target.GetPropertyName()] = replacement;
                    break;
                case JsonArray array:
                    array[target.GetElementIndex()] = replacement;
                    break;
            }

            return payload.ToJsonString();
        }

        var at = random.Next(text.Length);
        return random.Next(4) switch
        {
            0 => text[..at],
            1 => text.Remove(at, Math.Min(random.Next(1, 20), text.Length - at)),
            2 => text.Insert(at, new string('[', 5_000)),
            _ => text.Insert(at, Splice),
        };
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child)) yield return descendant;
        }
    }
}
