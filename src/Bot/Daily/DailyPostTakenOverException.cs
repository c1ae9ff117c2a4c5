namespace Kuril.Bot.Daily;

/// <summary>
/// Thrown right before a daily post's request would leave when another sender has taken its claim over meanwhile
/// (this one's lease ended while it waited): the other sends it, so this one must not.
/// </summary>
public sealed class DailyPostTakenOverException : Exception
{
    public DailyPostTakenOverException()
        : base("Another sender has taken this daily post over.")
    {
    }

    public DailyPostTakenOverException(string message)
        : base(message)
    {
    }

    public DailyPostTakenOverException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
