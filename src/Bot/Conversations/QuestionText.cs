using System.Text;

namespace Kuril.Bot.Conversations;

/// <summary>How questions are compared when counted: case, spacing and surrounding punctuation do not matter.</summary>
public static class QuestionText
{
    /// <summary>
    /// "  What is the CAPITAL of Australia?? " and "what is the capital of australia" count as one question: lower case,
    /// runs of white space as one space, punctuation and quotes at either end dropped.
    /// </summary>
    public static string Normalise(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var builder = new StringBuilder(question.Length);
        var space = false;
        foreach (var c in question.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0) builder.Append(' ');
            space = false;
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Trim(Edges);
    }

    private static readonly char[] Edges = [' ', '?', '!', '.', ',', ';', ':', '"', '\'', '“', '”', '«', '»', '„', '‘', '’', '？', '！', '。', '、'];
}
