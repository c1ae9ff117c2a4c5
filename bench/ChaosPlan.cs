namespace Kuril.Bench;

/// <summary>What a <see cref="ChaosRun"/> does.</summary>
/// <param name="Subscriptions">Subscriptions due at once, half Discord channels, half Telegram chats.</param>
/// <param name="Instances">Bot processes at once: 1 on SQLite, more on PostgreSQL.</param>
/// <param name="Kills">Processes killed with SIGKILL (and started again), in all.</param>
/// <param name="MaxKillDelay">A kill lands at a random moment up to this long after a live generation's first post.</param>
/// <param name="MaxPostingWait">The longest wait for a generation's first post before killing anyway.</param>
/// <param name="Lease">The instances' <c>DailyPosts:Lease</c>: how soon a dead sender's claims are taken over.</param>
/// <param name="RoundInterval">The instances' <c>DailyPosts:RoundInterval</c>.</param>
/// <param name="Deadline">After the last kill, how long the instances get to finish.</param>
/// <param name="Seed">The seed of the kill moments and victims, for a run to be repeated.</param>
public sealed record ChaosPlan(
    int Subscriptions,
    int Instances,
    int Kills,
    TimeSpan MaxKillDelay,
    TimeSpan MaxPostingWait,
    TimeSpan Lease,
    TimeSpan RoundInterval,
    TimeSpan Deadline,
    int Seed);
