namespace Kuril.Bot.Tests;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class RepoPaths
{
    /// <summary>The folder holding Bot.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shipped corpus.</summary>
    public static string Corpus => Path.Combine(Root, "corpus");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
