using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Answers;

/// <summary>Excerpts carry the stretches of their text that matched the question, after stemming, aliases and corrections.</summary>
public sealed class HighlightTests(ShippedCorpusFixture corpus)
{
    [Fact]
    public void Marks_stemmed_words_and_alias_names_of_the_question()
    {
        var answer = corpus.Knowledge.Ask("How many Japanese civilians were deported from the Kurils?");

        var top = answer.Excerpts[0];
        var marked = Marked(top);
        Assert.Contains("deported", marked);
        Assert.Contains(marked, m => m.Contains("civilian", StringComparison.Ordinal));
        Assert.Contains("Kurils", marked);
        Assert.DoesNotContain("were", marked);
    }

    [Fact]
    public void Marks_the_corrected_word_where_the_misspelling_was_searched()
    {
        var answer = corpus.Knowledge.Ask("Who lives on Kunashri?");

        Assert.Contains(answer.Excerpts, e => Marked(e).Any(m => m.StartsWith("Kunashir", StringComparison.Ordinal)));
    }

    [Fact]
    public void Spans_are_in_order_inside_the_text_and_never_overlap()
    {
        foreach (var question in new[] { "What did the 1956 joint declaration provide for?", "Where are the Northern Territories located?", "Итуруп", "国後島について教えて" })
        {
            foreach (var excerpt in corpus.Knowledge.Ask(question).Excerpts)
            {
                var end = 0;
                foreach (var span in excerpt.Highlights)
                {
                    Assert.True(span.Start >= end && span.Length > 0 && span.End <= excerpt.Text.Length, question);
                    end = span.End;
                }
            }
        }
    }

    [Fact]
    public void A_name_of_several_words_is_one_span()
    {
        var answer = corpus.Knowledge.Ask("Where are the Northern Territories located?");

        Assert.Contains(answer.Excerpts.SelectMany(Marked), m => m == "Northern Territories");
    }

    private static List<string> Marked(Excerpt excerpt) => excerpt.Highlights.Select(h => excerpt.Text.Substring(h.Start, h.Length)).ToList();
}
