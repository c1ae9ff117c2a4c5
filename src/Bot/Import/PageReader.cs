using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace Kuril.Bot.Import;

/// <summary>
/// Reads a file to import: a saved web page (<c>.html</c>, <c>.htm</c>) through SmartReader, which keeps the
/// article and leaves menus, sidebars and footers behind, its title, author, site and date from the page's metadata;
/// a Markdown file without its markup (and with its front matter's fields); or plain text as it is.
/// </summary>
public static partial class PageReader
{
    /// <summary>Reads <paramref name="path"/> by its extension.</summary>
    /// <exception cref="InvalidDataException">The page has no readable article.</exception>
    public static ImportedPage Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = File.ReadAllText(path, Encoding.UTF8);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".html" or ".htm" or ".xhtml" => Html(text, new Uri(Path.GetFullPath(path))),
            ".md" or ".markdown" => Markdown(text),
            _ => new ImportedPage(FirstLine(text), null, null, null, null, Paragraphs(text)),
        };
    }

    /// <summary>The article of a saved page; <paramref name="location"/> stands in for its address when it states none.</summary>
    public static ImportedPage Html(string html, Uri location)
    {
        ArgumentNullException.ThrowIfNull(location);
        using var document = new HtmlParser().ParseDocument(html);
        var address = Absolute(Attribute(document, "link[rel=canonical]", "href") ?? Meta(document, "og:url"));
        using var reader = new Reader((address ?? location).AbsoluteUri, html);
        var article = reader.GetArticle();
        if (!article.IsReadable || string.IsNullOrWhiteSpace(article.TextContent))
        {
            throw new InvalidDataException("no article found in the page (is it the saved page itself, not an index or a login page?)");
        }

        var title = Meta(document, "og:title") ?? NullIfBlank(article.Title) ?? NullIfBlank(document.Title);
        var author = NullIfBlank(article.Author) ?? Meta(document, "author") ?? NullIfBlank(article.Byline);
        var site = Meta(document, "og:site_name") ?? NullIfBlank(article.SiteName);
        var date = Date(Meta(document, "article:published_time") ?? Meta(document, "date") ?? Meta(document, "pubdate") ?? Attribute(document, "time[datetime]", "datetime"))
            ?? (article.PublicationDate is { } published ? DateOnly.FromDateTime(published) : null);
        return new ImportedPage(title, site, author, date, address, Paragraphs(article.TextContent));
    }

    /// <summary>A Markdown file: its front matter's fields, its first heading as the title, its text without markup.</summary>
    public static ImportedPage Markdown(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        string? title = null, publisher = null, author = null;
        DateOnly? published = null;
        Uri? url = null;
        var body = markdown;
        var front = FrontMatterBlock().Match(markdown);
        if (front.Success)
        {
            body = markdown[front.Length..];
            foreach (Match field in FrontMatterField().Matches(front.Groups["yaml"].Value))
            {
                var value = field.Groups["value"].Value.Trim().Trim('"', '\'');
                switch (field.Groups["key"].Value)
                {
                    case "title": title = NullIfBlank(value); break;
                    case "publisher": publisher = NullIfBlank(value); break;
                    case "author": author = NullIfBlank(value); break;
                    case "published": published = Date(value); break;
                    case "url": url = Absolute(value); break;
                }
            }
        }

        var lines = new List<string>();
        var fenced = false;
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (fenced || HorizontalRule().IsMatch(line)) continue;
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                title ??= Inline(heading.Groups["text"].Value);
                lines.Add(string.Empty); // a heading ends a paragraph and is not a sentence of it
                continue;
            }

            lines.Add(Inline(ListMarker().Replace(line, string.Empty).TrimStart('>', ' ')));
        }

        var text = Paragraphs(string.Join('\n', lines));
        return new ImportedPage(title ?? FirstLine(text), publisher, author, published, url, text);
    }

    // Lines of one paragraph joined, paragraphs one a line: the corpus cuts passages within a line.
    private static string Paragraphs(string text)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            // A line that ends a sentence or stands alone as a short line (a heading, a menu item) ends its paragraph.
            if (current.Length > 0) current.Append(' ');
            current.Append(line);
            if (line.Length < 60 || line[^1] is '.' or '!' or '?' or '"' or '”' or ':') Flush();
        }

        Flush();
        return string.Join('\n', paragraphs);

        void Flush()
        {
            if (current.Length > 0) paragraphs.Add(WhiteSpace().Replace(current.ToString(), " ").Trim());
            current.Clear();
        }
    }

    private static string Inline(string text) =>
        Emphasis().Replace(Link().Replace(Image().Replace(text, string.Empty), "${text}"), string.Empty).Trim();

    private static string? FirstLine(string text) =>
        text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) is { Length: <= 200 } line ? line : null;

    private static string? Meta(IDocument document, string name) =>
        NullIfBlank(document.QuerySelectorAll("meta").FirstOrDefault(m =>
            string.Equals(m.GetAttribute("property"), name, StringComparison.OrdinalIgnoreCase) || string.Equals(m.GetAttribute("name"), name, StringComparison.OrdinalIgnoreCase))?.GetAttribute("content"));

    private static string? Attribute(IDocument document, string selector, string attribute) =>
        NullIfBlank(document.QuerySelector(selector)?.GetAttribute(attribute));

    private static Uri? Absolute(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    private static DateOnly? Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)) return DateOnly.FromDateTime(instant.UtcDateTime);
        return DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy-MM", "yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : WhiteSpace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\A\uFEFF?---[ \t]*\r?\n(?<yaml>.*?)\r?\n---[ \t]*(\r?\n|\z)", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex FrontMatterBlock();

    [GeneratedRegex(@"^(?<key>[a-z]+):[ \t]*(?<value>.*)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex FrontMatterField();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.*?)\s*#*$", RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^([-*_]\s*){3,}$", RegexOptions.CultureInvariant)]
    private static partial Regex HorizontalRule();

    [GeneratedRegex(@"^([-*+]|\d{1,3}[.)])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Image();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`)", RegexOptions.CultureInvariant)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();
}
