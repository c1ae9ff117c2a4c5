using System.ComponentModel.DataAnnotations;

namespace Kuril.Knowledge.Hosting;

/// <summary>Options of the <c>Knowledge</c> configuration section.</summary>
public sealed class KnowledgeOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "Knowledge";

    /// <summary>The corpus folder: documents, timeline, aliases and cleaning rules.</summary>
    [Required]
    public string CorpusPath { get; set; } = "corpus";

    /// <summary>The folder for the index and the bot's database.</summary>
    [Required]
    public string DataPath { get; set; } = "data";

    /// <summary>Excerpts in one answer.</summary>
    [Range(1, 10)]
    public int MaxExcerpts { get; set; } = 3;

    /// <summary>The cap on one document file's size (default 5 MB); a bigger file is skipped with a warning.</summary>
    [Range(1L, 1024L * 1024 * 1024)]
    public long MaxDocumentBytes { get; set; } = Corpus.CorpusFiles.DefaultMaxBytes;

    /// <summary>Whether changes to the corpus folder are picked up while running.</summary>
    public bool WatchCorpus { get; set; } = true;

    /// <summary>How long the corpus must be quiet after a change before it is re-indexed.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromSeconds(1);
}
