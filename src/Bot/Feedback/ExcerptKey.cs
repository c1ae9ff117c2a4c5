using System.Globalization;

namespace Kuril.Bot.Feedback;

/// <summary>A quoted passage by document and place, stable while the corpus file is unchanged.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Ordinal">The passage's ordinal in it.</param>
public readonly record struct ExcerptKey(string DocumentId, int Ordinal)
{
    /// <summary><c>document#ordinal</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{DocumentId}#{Ordinal}");

    /// <summary>Writes keys as one space-separated string.</summary>
    public static string Join(IEnumerable<ExcerptKey> keys) => string.Join(' ', keys);

    /// <summary>Reads keys written by <see cref="Join"/>, skipping anything unreadable.</summary>
    public static IReadOnlyList<ExcerptKey> Split(string text)
    {
        var keys = new List<ExcerptKey>();
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var hash = part.LastIndexOf('#');
            if (hash > 0 && int.TryParse(part.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal))
            {
                keys.Add(new ExcerptKey(part[..hash], ordinal));
            }
        }

        return keys;
    }
}
