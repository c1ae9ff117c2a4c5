namespace Kuril.Bot.Import;

/// <summary>What a file to import holds, before cleaning.</summary>
/// <param name="Title">Its title, or null when it names none.</param>
/// <param name="Publisher">The site or publisher, or null.</param>
/// <param name="Author">The author, or null.</param>
/// <param name="Published">The publication date, or null.</param>
/// <param name="Url">Its address, or null.</param>
/// <param name="Text">Its main text, one paragraph a line.</param>
public sealed record ImportedPage(string? Title, string? Publisher, string? Author, DateOnly? Published, Uri? Url, string Text);
