namespace Kuril.Knowledge.Text;

/// <summary>The writing system of a token, which decides how it can be matched.</summary>
public enum TokenScript
{
    /// <summary>Latin letters (possibly with digits).</summary>
    Latin,

    /// <summary>Digits only.</summary>
    Number,

    /// <summary>Cyrillic letters.</summary>
    Cyrillic,

    /// <summary>Chinese characters or Japanese kana, written without spaces between words.</summary>
    Cjk,

    /// <summary>Any other script.</summary>
    Other,
}
