namespace Kuril.Bot.Tests.Support;

/// <summary>A temp data folder for the bot's index, shared by a test class and deleted after it.</summary>
public sealed class DataFolderFixture : IDisposable
{
    public DataFolderFixture()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kuril-bot-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The configuration override that points the bot at this folder.</summary>
    public string Override => "--Knowledge:DataPath=" + Path;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
