namespace Kuril.Bench;

/// <summary>The repository the bench measures: found from the working directory, else from the binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find(Directory.GetCurrentDirectory()) ?? Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Bot.sln not found above the working directory or " + AppContext.BaseDirectory);

    public static string Corpus => Path.Combine(Root, "corpus");

    public static string DevQuestions => Path.Combine(Root, "tests", "Knowledge.Tests", "Data", "dev-questions.jsonl");

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln"))) return dir.FullName;
        }

        return null;
    }
}
