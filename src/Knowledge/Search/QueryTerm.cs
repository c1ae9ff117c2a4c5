using Kuril.Knowledge.Text;

namespace Kuril.Knowledge.Search;

/// <summary>A term of a question.</summary>
/// <param name="Term">The index term.</param>
/// <param name="Script">The script of the word it comes from.</param>
public readonly record struct QueryTerm(string Term, TokenScript Script);
