using System.Text.Json;

namespace Kuril.Bot.Tests.Hosting;

/// <summary>The configuration reference stays true to the shipped settings file.</summary>
public sealed class ConfigurationDocsTests
{
    [Fact]
    public void Every_setting_in_appsettings_is_documented()
    {
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "configuration.md"));
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "appsettings.json")), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });

        var missing = Keys(settings.RootElement, string.Empty).Where(key => !docs.Contains($"`{key}`", StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, "Not in docs/configuration.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_settings_file_holds_no_secret()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "appsettings.json")), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });

        foreach (var (key, value) in Values(settings.RootElement, string.Empty))
        {
            if (key.EndsWith("Token", StringComparison.Ordinal) || key.EndsWith("ConnectionString", StringComparison.Ordinal) || key.EndsWith("PublicKey", StringComparison.Ordinal) || key.EndsWith("IdKey", StringComparison.Ordinal))
            {
                Assert.True(string.IsNullOrEmpty(value), $"{key} has a value in appsettings.json; secrets belong in the environment or user secrets");
            }
        }
    }

    private static IEnumerable<string> Keys(JsonElement element, string prefix) => Values(element, prefix).Select(v => v.Key);

    private static IEnumerable<(string Key, string? Value)> Values(JsonElement element, string prefix)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            yield return (prefix, element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText());
            yield break;
        }

        foreach (var property in element.EnumerateObject())
        {
            foreach (var child in Values(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}")) yield return child;
        }
    }
}
