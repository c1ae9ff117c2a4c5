using Kuril.Knowledge.Text;

namespace Kuril.Knowledge.Search;

/// <summary>A content word of analysed text.</summary>
/// <param name="Term">Its index term.</param>
/// <param name="Token">The token it comes from.</param>
/// <param name="InAlias">Whether it is part of an alias name.</param>
public readonly record struct AnalyzedWord(string Term, Token Token, bool InAlias);
