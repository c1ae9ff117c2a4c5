using Kuril.Bot.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kuril.Bot.Tests.Telegram;

/// <summary>
/// The bot's real services with the Telegram adapter pointed at a Bot API on loopback (the emulator or the fake),
/// on the real clock (send limits and polling pauses are real waits), started and stopped like the host does.
/// </summary>
internal sealed class TelegramTestBot : IAsyncDisposable
{
    private readonly List<IHostedService> _started = [];

    public TelegramTestBot(Uri apiBaseUrl, string token = "123:ABC", string? dataPath = null, Action<TelegramOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        Bot = new TestBot(
            dataPath is null ? null : new Dictionary<string, string?> { ["Knowledge:DataPath"] = dataPath },
            collection =>
            {
                collection.AddSingleton(TimeProvider.System);
                collection.Configure<TelegramOptions>(o =>
                {
                    o.Token = token;
                    o.ApiBaseUrl = apiBaseUrl;
                    o.EmptyPollDelay = TimeSpan.FromMilliseconds(200);
                    o.ConflictDelay = TimeSpan.FromSeconds(1);
                    configure?.Invoke(o);
                });
                collection.AddTelegramAdapter();
                services?.Invoke(collection);
            });
    }

    public TestBot Bot { get; }

    public IServiceProvider Services => Bot.Services;

    public T Get<T>()
        where T : notnull => Bot.Services.GetRequiredService<T>();

    /// <summary>Starts polling (or, with a webhook URL, setWebhook) as the host would.</summary>
    public async Task StartAsync()
    {
        var service = Get<TelegramBotService>();
        await service.StartAsync(CancellationToken.None);
        _started.Add(service);
    }

    public async Task StopAsync()
    {
        foreach (var service in _started) await service.StopAsync(CancellationToken.None);
        _started.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Bot.Dispose();
    }
}
