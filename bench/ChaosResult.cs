namespace Kuril.Bench;

/// <summary>What a <see cref="ChaosRun"/> counted.</summary>
/// <param name="Kills">Processes killed with SIGKILL and started again.</param>
/// <param name="Expected">Posts due: one per subscription.</param>
/// <param name="Discord">What the fake Discord shows.</param>
/// <param name="Telegram">What the fake Telegram shows.</param>
/// <param name="ResentAfterCrash">Retries of a post whose request had left before its sender died (event 5010): the bound on Telegram's duplicates.</param>
/// <param name="Finished">Whether every post was shown and recorded sent before the deadline.</param>
/// <param name="Elapsed">Wall time of the whole run.</param>
/// <param name="Log">When not finished, the instances' last log lines.</param>
public sealed record ChaosResult(int Kills, int Expected, ChaosCount Discord, ChaosCount Telegram, int ResentAfterCrash, bool Finished, TimeSpan Elapsed, string Log)
{
    /// <summary>Channels and chats showing the post.</summary>
    public int Delivered => Discord.Channels + Telegram.Channels;

    /// <summary>Channels and chats not showing the post.</summary>
    public int Missed => Expected - Delivered;
}
