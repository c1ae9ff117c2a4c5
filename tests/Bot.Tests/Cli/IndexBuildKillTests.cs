using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kuril.Bot.Tests.Support;

namespace Kuril.Bot.Tests.Cli;

/// <summary>
/// The bot process killed (SIGKILL, no clean-up) while it builds its index leaves nothing that serves: the next start
/// rebuilds, answers, and removes what the killed build left.
/// </summary>
public sealed class IndexBuildKillTests : IDisposable
{
    private const string Deported = "How many Japanese civilians were deported from the Kurils?";
    private const int GeneratedDocuments = 1_500;

    private readonly string _root = Directory.CreateTempSubdirectory("kuril-kill-").FullName;

    private string CorpusPath => Path.Combine(_root, "corpus");

    private string DataPath => Path.Combine(_root, "data");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_build_killed_half_way_is_rebuilt_by_the_next_start_and_its_leftovers_removed()
    {
        WriteCorpus();
        string[] arguments = ["ask", Deported, "--Knowledge:CorpusPath=" + CorpusPath, "--Knowledge:DataPath=" + DataPath];

        using (var building = BotProcess.Start(arguments))
        {
            // Bounded: the build of this corpus takes seconds; a start that never builds fails here.
            var deadline = Stopwatch.StartNew();
            while (!Directory.Exists(DataPath) || Directory.GetDirectories(DataPath, "*.building").Length == 0)
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "no index build started within 60 s");
                if (building.HasExited)
                {
                    var output = await building.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
                    var error = await building.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
                    Assert.Fail($"the bot exited ({building.ExitCode}) before its index build could be seen:\n{output}\n{error}");
                }

                await Task.Delay(10, TestContext.Current.CancellationToken);
            }

            // Into the build, with segments written: killed at the first file rather than after a fixed wait, which a
            // fast machine's build could outlast.
            while (!building.HasExited && !Directory.GetDirectories(DataPath, "*.building").Any(d => Directory.EnumerateFiles(d).Any()))
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "no segment written within 60 s");
                await Task.Delay(5, TestContext.Current.CancellationToken);
            }

            Assert.False(building.HasExited, "the build finished before it could be killed; the corpus is too small to test a kill");
            building.Kill(entireProcessTree: true);
            await building.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var leftovers = Directory.GetDirectories(DataPath, "*.building");
        Assert.NotEmpty(leftovers);
        Assert.Empty(Directory.GetDirectories(DataPath, "index-*").Except(leftovers));

        var next = await BotProcess.RunAsync(arguments);

        Assert.True(next.ExitCode == 0, next.StandardError);
        Assert.Contains("17,000 Japanese civilian residents were deported", next.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(DataPath, "*.building"));
        Assert.Single(Directory.GetDirectories(DataPath, "index-*"));
    }

    // The shipped corpus, plus enough generated documents of distinct sentences (words of the shipped English word
    // list, seeded) that the index build lasts long enough to be killed in the middle.
    private void WriteCorpus()
    {
        CopyFolder(Path.Combine(RepoPaths.Root, "corpus"), CorpusPath);
        var words = File.ReadAllLines(Path.Combine(RepoPaths.Root, "corpus", "lexicon", "english-words.txt"))
            .Where(w => w.Length >= 4 && w.All(char.IsAsciiLetterLower))
            .ToArray();
        var random = new Random(14);
        var text = new StringBuilder();
        for (var d = 0; d < GeneratedDocuments; d++)
        {
            text.Clear();
            text.Append(CultureInfo.InvariantCulture, $"---\ntitle: \"Generated report {d}\"\nkind: news\n---\n\n");
            for (var sentence = 0; sentence < 40; sentence++)
            {
                var picked = Enumerable.Range(0, 12).Select(_ => words[random.Next(words.Length)]).ToArray();
                picked[0] = char.ToUpperInvariant(picked[0][0]) + picked[0][1..];
                text.Append(string.Join(' ', picked)).Append(". ");
                if (sentence % 4 == 3) text.Append("\n\n");
            }

            File.WriteAllText(Path.Combine(CorpusPath, "documents", $"generated-{d:D4}.md"), text.ToString());
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from)) CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
    }
}
