using Telegram.Bot.Types;

namespace Kuril.Bot.Telegram;

/// <summary>The bot's own account from getMe, known once the adapter has started; commands are matched against its username.</summary>
public sealed class TelegramBotIdentity
{
    private readonly TaskCompletionSource<User> _me = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Records the bot's account.</summary>
    public void Set(User me) => _me.TrySetResult(me);

    /// <summary>The bot's account, waiting until getMe has answered.</summary>
    public Task<User> GetAsync(CancellationToken cancellationToken) => _me.Task.WaitAsync(cancellationToken);
}
