using Kuril.Bot.Commands;
using Kuril.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Conversations;

/// <summary>
/// The questions users asked, in the bot's database so that any instance can answer a follow-up: each with the
/// asker and channel keyed (<see cref="UserIdHasher"/>; a private chat's id is its user's), the topic a follow-up
/// leans on, and whether it was abstained on (for curators' stats). Pruned with answers, forgotten with them.
/// </summary>
public sealed class ConversationStore(BotDatabase database, UserIdHasher ids, IOptions<CommandOptions> options, TimeProvider time)
{
    /// <summary>The longest topic kept: the earliest questions of a long run of follow-ups stay, later ones are cut.</summary>
    public const int MaxTopicLength = 1000;

    /// <summary>Records a question asked now.</summary>
    /// <param name="platform">Where.</param>
    /// <param name="userId">The platform's id of the asker.</param>
    /// <param name="channelId">The platform's id of the channel.</param>
    /// <param name="question">The question as asked.</param>
    /// <param name="topic">What a follow-up to it will lean on.</param>
    /// <param name="abstained">Whether the sources could not answer it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task RecordAsync(Platform platform, string userId, string channelId, string question, string topic, bool abstained, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(topic);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            """
            INSERT INTO questions (platform, channel_hash, asker_hash, question, topic, normalised, abstained, asked_at)
            VALUES (@platform, @channel, @asker, @question, @topic, @normalised, @abstained, @at)
            """)
            .With("@platform", platform.ToString())
            .With("@channel", ChannelHash(platform, channelId))
            .With("@asker", ids.Hash(platform, userId))
            .With("@question", question)
            .With("@topic", topic.Length > MaxTopicLength ? topic[..MaxTopicLength] : topic)
            .With("@normalised", QuestionText.Normalise(question))
            .With("@abstained", abstained)
            .With("@at", database.Instant(time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The user's last question in the channel within <c>Commands:FollowUpWindow</c>, or null.</summary>
    public async Task<AskedQuestion?> PreviousAsync(Platform platform, string userId, string channelId, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - options.Value.FollowUpWindow;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            """
            SELECT question, topic, asked_at FROM questions
            WHERE asker_hash = @asker AND channel_hash = @channel AND asked_at >= @since
            ORDER BY asked_at DESC, id DESC LIMIT 1
            """)
            .With("@asker", ids.Hash(platform, userId))
            .With("@channel", ChannelHash(platform, channelId))
            .With("@since", database.Instant(since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new AskedQuestion(reader.GetString(0), reader.GetString(1), await reader.GetFieldValueAsync<DateTimeOffset>(2, cancellationToken));
    }

    /// <summary>Deletes the questions asked before <paramref name="cutoff"/>; how many.</summary>
    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand("DELETE FROM questions WHERE asked_at < @cutoff").With("@cutoff", database.Instant(cutoff));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes the questions a user asked; how many.</summary>
    public async Task<int> ForgetAsync(Platform platform, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand("DELETE FROM questions WHERE asker_hash = @asker").With("@asker", ids.Hash(platform, userId));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Keyed like a user: a Telegram private chat's id is its user's id.
    private string ChannelHash(Platform platform, string channelId) => ids.Hash(platform, "channel:" + channelId);
}
