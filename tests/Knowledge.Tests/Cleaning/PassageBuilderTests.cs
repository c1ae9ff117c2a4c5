using Kuril.Knowledge.Cleaning;
using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Passages;
using Kuril.Knowledge.Tests.Support;

namespace Kuril.Knowledge.Tests.Cleaning;

/// <summary>Cleaning and passage shape on small synthetic documents, with the shipped rules and word list.</summary>
public sealed class PassageBuilderTests
{
    private static readonly Lazy<KnowledgeResources> Resources = new(() => KnowledgeResources.Load(RepoPaths.Corpus));

    private static PassageSet Build(params CorpusDocument[] documents) => new PassageBuilder(Resources.Value).Build(documents);

    [Fact]
    public void Drops_site_notices_bylines_and_corporate_lines_but_keeps_the_sentences_between_them()
    {
        var set = Build(Documents.Compilation("scraped",
            "Are you on Telegram? The Soviet Union occupied Shumshu in August 1945. Sebastien Roblin. "
            + "The Ministry of Foreign Affairs website uses JavaScript.Please turn on \"JavaScript\" and use it. "
            + "Japan Corporate Number(JCN): 9000012040001, Japan's Security / Peace & Stability of the International Community. "
            + "Japan still claims the four southern Kuril Islands as its territory."));

        Assert.Equal(
            ["The Soviet Union occupied Shumshu in August 1945.", "Japan still claims the four southern Kuril Islands as its territory."],
            set.Passages.Select(p => p.Text));
        Assert.Contains(set.Dropped, d => d.Text.Contains("Telegram", StringComparison.Ordinal) && d.Reason == DebrisReason.SiteFurniture);
        Assert.Contains(set.Dropped, d => d.Text.Contains("Corporate Number", StringComparison.Ordinal) && d.Reason == DebrisReason.SiteFurniture);
    }

    [Fact]
    public void Strips_furniture_glued_to_the_front_of_a_real_sentence()
    {
        var set = Build(Documents.Compilation("glued",
            "Soviet marines waded ashore on Shumshu. events, published daily by the By 9:00 a.m., five Soviet landing craft had been sunk off Shumshu."));

        Assert.Contains("By 9:00 a.m., five Soviet landing craft had been sunk off Shumshu.", set.Passages.Select(p => p.Text));
        Assert.DoesNotContain(set.Passages, p => p.Text.Contains("published daily", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Strips_a_copyright_credit_and_keeps_the_sentence_that_follows_it()
    {
        var set = Build(Documents.Compilation("credit",
            "Lowy Institute, Copyright 2022 Giving up the Kuril Islands is considered a betrayal of Soviet soldiers."));

        var passage = Assert.Single(set.Passages);
        Assert.Equal("Giving up the Kuril Islands is considered a betrayal of Soviet soldiers.", passage.Text);
    }

    [Fact]
    public void Drops_a_run_of_unrelated_headlines()
    {
        var set = Build(Documents.Compilation("headlines",
            "Japan protested the Soviet landing on Shumshu. In a first, India elects tribal woman to be president, "
            + "China fines Didi $1.2 billion for breaking data-security laws, Watching Japan reckon with a rare shooting, through an American prism."));

        var passage = Assert.Single(set.Passages);
        Assert.Equal("Japan protested the Soviet landing on Shumshu.", passage.Text);
        Assert.Contains(set.Dropped, d => d.Reason == DebrisReason.HeadlineList);
    }

    [Fact]
    public void Drops_off_topic_commentary_that_names_no_topic_word()
    {
        var set = Build(Documents.Compilation("sidebar",
            "The Soviet Union occupied the Kuril Islands in 1945. Add cyclones, droughts and flooding to the mix, the time to act is now."));

        var passage = Assert.Single(set.Passages);
        Assert.Equal("The Soviet Union occupied the Kuril Islands in 1945.", passage.Text);
        Assert.Contains(set.Dropped, d => d.Text.StartsWith("Add cyclones", StringComparison.Ordinal) && d.Reason == DebrisReason.OffTopic);
    }

    [Fact]
    public void Merges_near_duplicate_sentences_keeping_the_first()
    {
        var set = Build(Documents.Compilation("repeats",
            "A potential return of the Kuril Islands to Japan would be seen as a sign of Russian weakness. "
            + "The Soviet Army lost more than 800 dead in the Battle of Shumshu. "
            + "Finally, a potential return of the Kuril Islands to Japan would be seen as a sign of Russian weakness."));

        Assert.Equal(
            ["A potential return of the Kuril Islands to Japan would be seen as a sign of Russian weakness.", "The Soviet Army lost more than 800 dead in the Battle of Shumshu."],
            set.Passages.Select(p => p.Text));
        Assert.Equal([0, 1], set.Passages.Select(p => p.Ordinal));
        Assert.Contains(set.Dropped, d => d.Reason == DebrisReason.Duplicate && d.Text.StartsWith("Finally", StringComparison.Ordinal));
    }

    [Fact]
    public void Keeps_each_sentence_of_a_compilation_as_its_own_passage()
    {
        var set = Build(Documents.Compilation("shuffled",
            "Japan lost Shumshu in 1945. Russia holds Iturup today. Tokyo wants Shikotan back. Moscow refuses all talks."));

        Assert.Equal(
            ["Japan lost Shumshu in 1945.", "Russia holds Iturup today.", "Tokyo wants Shikotan back.", "Moscow refuses all talks."],
            set.Passages.Select(p => p.Text));
    }

    [Fact]
    public void Joins_short_sentences_of_an_article_paragraph_into_passages_of_at_most_three()
    {
        var set = Build(Documents.News("article",
            "Japan lost Shumshu in 1945. Russia holds Iturup today. Tokyo wants Shikotan back. Moscow refuses all talks.\n\nThe Kremlin will not return the Kuril Islands to Japan."));

        Assert.Equal(
            ["Japan lost Shumshu in 1945. Russia holds Iturup today. Tokyo wants Shikotan back.", "Moscow refuses all talks.", "The Kremlin will not return the Kuril Islands to Japan."],
            set.Passages.Select(p => p.Text));
    }

    [Fact]
    public void Records_the_file_line_on_which_each_passage_starts()
    {
        var document = Documents.News("lines", "Japan lost Shumshu in 1945.\n\nThe Kremlin will not return the Kuril Islands to Japan.") with { BodyLine = 8 };

        var set = Build(document);

        Assert.Equal([8, 10], set.Passages.Select(p => p.SourceLine));
    }

    [Fact]
    public void Repairs_merged_words_and_dropped_apostrophes_in_a_scraped_sentence()
    {
        var set = Build(Documents.Compilation("merged",
            "The Soviet landing came after Japan surrendered. The Kuril Islands were seized in a bloody amphibious landingafterJapan announced it was ready to surrender. "
            + "Japan and Russia are still talking, and Japan and Russia arestilltrying to sign a peace treaty. It doesnt seem like the Kuril dispute will end soon."));

        var texts = set.Passages.Select(p => p.Text).ToList();
        Assert.Contains(texts, t => t.Contains("amphibious landing after Japan announced", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Japan and Russia are still trying to sign", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("It doesn't seem", StringComparison.Ordinal));
    }

    [Fact]
    public void Removes_zero_width_and_control_characters_from_passages()
    {
        var set = Build(Documents.Compilation("invisible", "The Soviet\u200B Union occupied the Kuril\u0007 Islands in 1945."));

        var passage = Assert.Single(set.Passages);
        Assert.Equal("The Soviet Union occupied the Kuril Islands in 1945.", passage.Text);
    }
}
