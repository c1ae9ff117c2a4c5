namespace Kuril.Knowledge.Tests.Support;

/// <summary>Paths of the repository the tests run from.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root: the folder holding <c>Bot.sln</c>.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The shipped corpus folder.</summary>
    public static string Corpus => Path.Combine(Root, "corpus");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException($"No Bot.sln above {AppContext.BaseDirectory}");
    }
}
