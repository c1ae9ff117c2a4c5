namespace Kuril.Knowledge.Tests;

/// <summary>Finds the repository's files from the test output folder, so tests read the real corpus.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.Combine(Root, "corpus");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Bot.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException($"No folder with Bot.sln above {AppContext.BaseDirectory}.");
    }
}
