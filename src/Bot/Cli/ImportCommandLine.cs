using System.CommandLine;
using System.Globalization;
using Kuril.Bot.Hosting;
using Kuril.Bot.Import;
using Kuril.Knowledge.Corpus;
using Kuril.Knowledge.Hosting;
using Kuril.Knowledge.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Cli;

/// <summary>
/// <c>import FILE [--title …] [--published …] [--url …] [--kind …] [--dry-run]</c>: a saved web page, Markdown or
/// plain-text file becomes <c>{Knowledge:CorpusPath}/documents/{slug}.md</c> with front matter, its text the passages
/// the index's cleaning keeps. Duplicates of documents already there are refused; a running bot's watcher picks the
/// new file up.
/// </summary>
internal static class ImportCommandLine
{
    /// <summary>Exit code of a refused import (a duplicate, or nothing left after cleaning).</summary>
    public const int Refused = 1;

    public static Command Create(string[] overrides)
    {
        var file = new Argument<FileInfo>("file") { Description = "A saved web page (.html), a Markdown (.md) or a plain-text file." };
        var title = new Option<string?>("--title") { Description = "The title citations show; by default the page's own." };
        var published = new Option<string?>("--published") { Description = "The publication date, YYYY-MM-DD (or YYYY-MM, YYYY); by default the page's own." };
        var url = new Option<string?>("--url") { Description = "Where the document can be read (http or https); by default the page's canonical address." };
        var kind = new Option<string?>("--kind") { Description = "What sort of document it is: news, article, statement, … (default: article for a web page, else document)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the cleaned passages instead of writing the file." };
        var command = new Command("import", "Add a saved web page, Markdown or text file to the corpus, cleaned as the index cleans it.") { file, title, published, url, kind, dryRun };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) return await UsageAsync($"No such file: {path.FullName}");
            DateOnly? date = null;
            if (parse.GetValue(published) is { } dateText)
            {
                if (!DateOnly.TryParseExact(dateText.Trim(), ["yyyy-MM-dd", "yyyy-MM", "yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    return await UsageAsync($"--published is '{dateText}'; expected a date like 2019-01-23.");
                }

                date = day;
            }

            Uri? address = null;
            if (parse.GetValue(url) is { } urlText && (!Uri.TryCreate(urlText.Trim(), UriKind.Absolute, out address) || address.Scheme is not ("http" or "https")))
            {
                return await UsageAsync($"--url is '{urlText}'; expected an absolute http(s) address.");
            }

            using var host = BotHost.CreateBuilder(overrides, interactive: false).Build();
            var (options, exit) = await HostRunner.ResolveAsync(host, s => s.GetRequiredService<IOptions<KnowledgeOptions>>().Value);
            if (options is null) return exit;

            ImportedPage page;
            try
            {
                page = PageReader.Read(path.FullName);
            }
            catch (InvalidDataException e)
            {
                return await UsageAsync($"Cannot import {path.Name}: {e.Message}");
            }

            var isPage = path.Extension.ToLowerInvariant() is ".html" or ".htm" or ".xhtml";
            var documentTitle = VisibleText.Clean(parse.GetValue(title) ?? page.Title ?? Path.GetFileNameWithoutExtension(path.Name)).Trim();
            var documents = Path.Combine(options.CorpusPath, CorpusReader.DocumentsFolder);
            var id = FreeId(documents, CorpusImport.Slug(documentTitle, Path.GetFileNameWithoutExtension(path.Name).ToLowerInvariant()));
            var draft = new DocumentDraft(
                id,
                documentTitle,
                (parse.GetValue(kind) ?? (isPage ? "article" : "document")).Trim().ToLowerInvariant(),
                page.Publisher,
                page.Author,
                date ?? page.Published,
                address ?? page.Url,
                page.Text);
            var preview = CorpusImport.Preview(options.CorpusPath, draft);
            if (preview.IsNearDuplicate)
            {
                var what = preview.IsExactDuplicate ? "a duplicate" : "a near duplicate";
                var of = preview.DuplicateOf is { } other ? $" of {other}" : " of documents in the corpus";
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Refused: {path.Name} is {what}{of} ({preview.DuplicatePassages} of its {preview.DuplicatePassages + preview.Passages.Count} passages are already there)."));
                return Refused;
            }

            if (preview.Passages.Count == 0)
            {
                await Console.Error.WriteLineAsync($"Refused: nothing of {path.Name} is left after cleaning (it holds no sentence about the dispute).");
                return Refused;
            }

            var target = Path.Combine(documents, id + ".md");
            var summary = string.Create(CultureInfo.InvariantCulture, $"{preview.Passages.Count} passage{(preview.Passages.Count == 1 ? string.Empty : "s")} (“{documentTitle}”{(draft.Published is { } p ? ", " + p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty)}); {preview.Dropped.Count} sentence(s) dropped as page debris or duplicates");
            if (parse.GetValue(dryRun))
            {
                for (var i = 0; i < preview.Passages.Count; i++) await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{i + 1}] {preview.Passages[i]}"));
                await Console.Out.WriteLineAsync($"Dry run: would add {Path.Combine(CorpusReader.DocumentsFolder, id + ".md")} with {summary}.");
                return 0;
            }

            // Written beside the target under a name the corpus ignores, then moved: the watcher never reads half a file.
            Directory.CreateDirectory(documents);
            var temp = Path.Combine(documents, "." + id + "." + Guid.NewGuid().ToString("N") + ".tmp");
            await File.WriteAllTextAsync(temp, draft.ToMarkdown(preview.Body), cancellationToken);
            File.Move(temp, target, overwrite: false);
            await Console.Out.WriteLineAsync($"Added {Path.Combine(CorpusReader.DocumentsFolder, id + ".md")}: {summary}.");
            return 0;
        });
        return command;
    }

    // A title already taken by another document gets a number: the duplicate check has already compared the texts.
    private static string FreeId(string documents, string slug)
    {
        var id = slug;
        for (var n = 2; File.Exists(Path.Combine(documents, id + ".md")) || File.Exists(Path.Combine(documents, id + ".txt")); n++)
        {
            id = string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}");
        }

        return id;
    }

    private static async Task<int> UsageAsync(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return BotCommandLine.UsageError;
    }
}
