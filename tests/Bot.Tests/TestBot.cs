using Kuril.Bot.Commands;
using Kuril.Bot.Hosting;
using Kuril.Bot.Replies;
using Kuril.Knowledge.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kuril.Bot.Tests;

/// <summary>
/// The bot's real services over the shipped corpus, with its own temporary data folder (index and bot.db) and a
/// fake clock. Disposing deletes the folder.
/// </summary>
internal sealed class TestBot : IDisposable
{
    public TestBot(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        DataPath = Path.Combine(Path.GetTempPath(), "kuril-bot-tests-" + Guid.NewGuid().ToString("N"));
        var values = new Dictionary<string, string?>
        {
            ["Knowledge:CorpusPath"] = RepoPaths.Corpus,
            ["Knowledge:DataPath"] = DataPath,
            ["Knowledge:WatchCorpus"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddKnowledge(configuration);
        services.AddBot(configuration, interactive: false);
        configure?.Invoke(services);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 8, 18, 6, 0, 0, TimeSpan.Zero));

    public string DataPath { get; }

    public ServiceProvider Services { get; }

    public CommandDispatcher Dispatcher => Services.GetRequiredService<CommandDispatcher>();

    public Task<Reply> RunAsync(string subcommand, string arguments = "", string user = "u1", Platform platform = Platform.Discord, bool isAdmin = false) =>
        Dispatcher.DispatchAsync(new CommandRequest(platform, user, "c1", subcommand, arguments, isAdmin), TestContext.Current.CancellationToken);

    public Task<Reply> PressAsync(ReplyButton button, string user = "u1", Platform platform = Platform.Discord) =>
        Dispatcher.PressAsync(new ButtonRequest(platform, user, "c1", button.Token), TestContext.Current.CancellationToken);

    /// <summary>A token signed as the bot signs the buttons it sends to channel c1.</summary>
    public string Sign(string token, Platform platform = Platform.Discord) =>
        Services.GetRequiredService<ButtonSigner>().Sign(new Reply("x") { Buttons = [new ReplyButton("x", token)] }, platform, "c1").Buttons[0].Token;

    public void Dispose()
    {
        Services.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
