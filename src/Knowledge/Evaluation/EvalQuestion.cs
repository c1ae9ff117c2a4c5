using System.Text.Json.Serialization;

namespace Kuril.Knowledge.Evaluation;

/// <summary>One line of an evaluation file (see <c>shared/eval/README.md</c>).</summary>
public sealed class EvalQuestion
{
    /// <summary>Stable id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>The question as a user types it.</summary>
    [JsonPropertyName("question")]
    public string Question { get; set; } = string.Empty;

    /// <summary><c>answer</c> or <c>abstain</c>.</summary>
    [JsonPropertyName("expect")]
    public string Expect { get; set; } = "answer";

    /// <summary>
    /// Entries of which one must appear in a returned excerpt; an entry is one string, or several that must all stand
    /// in the same excerpt (written as a string or a list of strings).
    /// </summary>
    [JsonPropertyName("gold")]
    public List<IReadOnlyList<string>> Gold { get; set; } = [];

    /// <summary>The kind of question.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = string.Empty;

    /// <summary>Page debris that must never be returned.</summary>
    [JsonPropertyName("must_not")]
    public List<string> MustNot { get; set; } = [];

    /// <summary>Whether the corpus is expected to answer the question.</summary>
    [JsonIgnore]
    public bool ExpectsAnswer => !string.Equals(Expect, "abstain", StringComparison.OrdinalIgnoreCase);
}
