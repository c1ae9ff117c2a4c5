namespace Kuril.Bot.Conversations;

/// <summary>What curators see: per platform, what was asked and how it went, over the last <paramref name="Days"/> days.</summary>
/// <param name="Days">The period, in days up to now.</param>
/// <param name="Since">Its start.</param>
/// <param name="Platforms">Each platform with a question or a vote in the period, by platform.</param>
public sealed record CuratorStats(int Days, DateTimeOffset Since, IReadOnlyList<PlatformStats> Platforms);
