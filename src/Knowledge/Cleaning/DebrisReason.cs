namespace Kuril.Knowledge.Cleaning;

/// <summary>Why a piece of text was kept out of the index.</summary>
public enum DebrisReason
{
    /// <summary>Matches a drop rule: a site notice, byline, credit or link.</summary>
    SiteFurniture,

    /// <summary>Too few words to be quoted alone.</summary>
    TooShort,

    /// <summary>Starts in the middle of a sentence.</summary>
    Fragment,

    /// <summary>No sentence ending: a heading, date line or caption.</summary>
    Heading,

    /// <summary>Cut off in the middle of a word.</summary>
    Truncated,

    /// <summary>A list of unrelated headlines run together.</summary>
    HeadlineList,

    /// <summary>About something else than the corpus's topic.</summary>
    OffTopic,

    /// <summary>Says again what another passage already says.</summary>
    Duplicate,
}
