using System.ComponentModel.DataAnnotations;

namespace Kuril.Bot.Commands;

/// <summary>Options of the <c>Commands</c> configuration section.</summary>
public sealed class CommandOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "Commands";

    /// <summary>Longest accepted arguments (a question), in UTF-16 code units.</summary>
    [Range(1, 4000)]
    public int MaxQuestionLength { get; set; } = 500;

    /// <summary>Requests one user may make per <see cref="RateLimitWindow"/>: at once, or spread over it.</summary>
    [Range(1, 10_000)]
    public int RateLimitPermits { get; set; } = 5;

    /// <summary>The time over which <see cref="RateLimitPermits"/> refill, one each window / permits.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Whether the console chat is rate limited too. Off by default: its only user is the operator, who may pipe
    /// a script of commands into it.
    /// </summary>
    public bool RateLimitConsole { get; set; }

    /// <summary>Passages shown either side of a cited one by the "Context" button.</summary>
    [Range(0, 5)]
    public int ContextRadius { get; set; } = 1;

    /// <summary>How long after a user's question a follow-up of theirs in the same channel still leans on it.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan FollowUpWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Points shown per side by <c>positions</c>.</summary>
    [Range(1, 10)]
    public int PositionsPerSide { get; set; } = 3;
}
