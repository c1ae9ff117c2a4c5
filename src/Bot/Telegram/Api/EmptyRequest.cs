namespace Kuril.Bot.Telegram.Api;

/// <summary>The body of a method without parameters (getMe).</summary>
public sealed record EmptyRequest
{
    /// <summary>The one instance.</summary>
    public static readonly EmptyRequest Instance = new();
}
