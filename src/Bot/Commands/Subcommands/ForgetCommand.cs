using System.Globalization;
using Kuril.Bot.Conversations;
using Kuril.Bot.Feedback;
using Kuril.Bot.Replies;
using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Commands.Subcommands;

/// <summary><c>forget</c>: deletes the caller's feedback votes, the answers they asked for and their recorded questions, and says how many.</summary>
public sealed class ForgetCommand(AnswerStore answers, FeedbackStore feedback, ConversationStore questions, ILogger<ForgetCommand> logger) : IKurilCommand
{
    /// <summary>Name, parameters and example.</summary>
    public static readonly CommandDescriptor Info = new("forget", string.Empty, "delete your feedback votes and the answers you asked for", "/kuril forget");

    /// <inheritdoc />
    public CommandDescriptor Descriptor => Info;

    /// <inheritdoc />
    public async Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Arguments.Length > 0) return Reply.Message("No arguments, please", "Use just: " + Info.Example);
        var votes = await feedback.ForgetAsync(request.Platform, request.UserId, cancellationToken);
        var asked = await answers.ForgetAsync(request.Platform, request.UserId, cancellationToken);
        var recorded = await questions.ForgetAsync(request.Platform, request.UserId, cancellationToken);
        CommandLog.Forgot(logger, request.Platform, asked, votes);
        return Reply.Message(
            "Forgotten",
            string.Create(CultureInfo.InvariantCulture, $"Deleted {Count(votes, "feedback vote")} and {Count(asked, "stored answer")} of yours."),
            string.Create(CultureInfo.InvariantCulture, $"Deleted {Count(recorded, "recorded question")} (kept for follow-ups and curators' counts)."),
            "Buttons under those answers no longer work. The bot stores nothing else tied to you.");
    }

    private static string Count(int n, string thing) => string.Create(CultureInfo.InvariantCulture, $"{n} {thing}{(n == 1 ? string.Empty : "s")}");
}
