namespace Kuril.Bot.Tests;

/// <summary>Where the repository and its shipped corpus are, found from the test binaries.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bot.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No Bot.sln above {AppContext.BaseDirectory}.");
    });

    /// <summary>The folder holding Bot.sln.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The shipped corpus folder.</summary>
    public static string Corpus => Path.Combine(Root, "corpus");
}
