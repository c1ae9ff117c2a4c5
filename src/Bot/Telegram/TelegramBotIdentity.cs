using Kuril.Bot.Telegram.Api;

namespace Kuril.Bot.Telegram;

/// <summary>The bot's own account from getMe, known once the adapter has started; commands are matched against its username.</summary>
public sealed class TelegramBotIdentity
{
    private readonly TaskCompletionSource<TelegramUser> _me = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Records the bot's account.</summary>
    public void Set(TelegramUser me) => _me.TrySetResult(me);

    /// <summary>The bot's account, waiting until getMe has answered.</summary>
    public Task<TelegramUser> GetAsync(CancellationToken cancellationToken) => _me.Task.WaitAsync(cancellationToken);
}
