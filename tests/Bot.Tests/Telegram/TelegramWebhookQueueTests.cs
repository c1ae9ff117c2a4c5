using Kuril.Bot.Telegram;
using Telegram.Bot.Types;

namespace Kuril.Bot.Tests.Telegram;

public sealed class TelegramWebhookQueueTests
{
    [Fact]
    public void Keeps_each_chats_updates_in_order_and_lets_the_chats_take_turns()
    {
        var queue = new TelegramWebhookQueue();
        foreach (var (id, chat) in new[] { (1, 3L), (2, 3L), (3, 3L), (4, 5L) }) Assert.Equal(TelegramEnqueueOutcome.Queued, queue.TryEnqueue(Message(id, chat)));

        var taken = new List<int>();
        while (queue.TryDequeue(out var update)) taken.Add(update!.Id);

        // Chat 5's one update comes second, not behind the whole of chat 3's backlog.
        Assert.Equal([1, 4, 2, 3], taken);
    }

    [Fact]
    public void Drops_a_chats_updates_beyond_its_share_while_other_chats_still_get_in()
    {
        var queue = new TelegramWebhookQueue();
        for (var i = 0; i < TelegramWebhookQueue.ChatCapacity; i++) Assert.Equal(TelegramEnqueueOutcome.Queued, queue.TryEnqueue(Message(i, 3)));

        Assert.Equal(TelegramEnqueueOutcome.ChatOverShare, queue.TryEnqueue(Message(1000, 3)));
        Assert.Equal(TelegramEnqueueOutcome.Queued, queue.TryEnqueue(Message(1001, 5)));
    }

    [Fact]
    public void Refuses_every_update_once_the_whole_queue_is_full()
    {
        var queue = new TelegramWebhookQueue();
        var id = 0;
        for (var chat = 1; chat <= TelegramWebhookQueue.Capacity / TelegramWebhookQueue.ChatCapacity; chat++)
        {
            for (var i = 0; i < TelegramWebhookQueue.ChatCapacity; i++) Assert.Equal(TelegramEnqueueOutcome.Queued, queue.TryEnqueue(Message(id++, chat)));
        }

        Assert.Equal(TelegramEnqueueOutcome.QueueFull, queue.TryEnqueue(Message(id++, 99)));
        Assert.True(queue.TryDequeue(out _));
        Assert.Equal(TelegramEnqueueOutcome.Queued, queue.TryEnqueue(Message(id, 99)));
    }

    private static Update Message(int id, long chat) => TelegramWire.Update(
        $$$"""{"update_id":{{{id}}},"message":{"message_id":{{{id}}},"date":1,"chat":{"id":{{{chat}}},"type":"private"},"from":{"id":{{{chat}}},"is_bot":false,"first_name":"U"},"text":"/kuril help"}}""");
}
