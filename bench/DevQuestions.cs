using System.Text.Json;

namespace Kuril.Bench;

/// <summary>The question mix: the retrieval dev set's questions (answerable and not, English, Russian, Japanese).</summary>
public static class DevQuestions
{
    public static List<string> Load()
    {
        var questions = new List<string>();
        foreach (var line in File.ReadLines(RepoPaths.DevQuestions))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = JsonDocument.Parse(line);
            questions.Add(json.RootElement.GetProperty("question").GetString() ?? string.Empty);
        }

        return questions;
    }
}
