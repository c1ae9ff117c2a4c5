using System.Data.Common;
using System.Globalization;
using Kuril.Bot.Commands.Buttons;
using Kuril.Bot.Hosting;
using Kuril.Bot.Replies;
using Kuril.Bot.Storage;
using Kuril.Knowledge.Corpus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Commands;

/// <summary>
/// The one pipeline every platform's commands and button presses go through: the length check, the per-user rate
/// limit, lookup of the typed handler, a DI scope per request, and errors turned into a polite reply. Mentions are
/// made inert by the platform renderers, which every reply passes through.
/// </summary>
public sealed class CommandDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<CommandDescriptor> descriptors,
    UserRateLimiter rateLimiter,
    ButtonSigner buttons,
    BotMetrics metrics,
    IOptions<CommandOptions> options,
    ILogger<CommandDispatcher> logger)
{
    /// <summary>What a failed command says.</summary>
    public const string FailureText = "Something went wrong on my side while answering that. Please try again in a moment.";

    /// <summary>Handles a command.</summary>
    public async Task<Reply> DispatchAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Every platform's user text comes through here: cleaned once, before any command or renderer sees it.
        request = request with { Subcommand = VisibleText.Clean(request.Subcommand), Arguments = VisibleText.Clean(request.Arguments).Trim() };
        var limits = options.Value;
        if (request.Arguments.Length > limits.MaxQuestionLength)
        {
            return Reply.Message(
                "That's too long",
                string.Create(CultureInfo.InvariantCulture, $"Your text is {request.Arguments.Length} characters; please keep it to {limits.MaxQuestionLength} or fewer."));
        }

        if (await RateLimitedAsync(request.Platform, request.UserId, cancellationToken) is { } slowDown) return slowDown;
        await using var scope = scopes.CreateAsyncScope();
        var name = request.Subcommand;
        try
        {
            if (name.Length == 0) return CommandUsage.Reply(descriptors, null);
            var command = scope.ServiceProvider.GetKeyedService<IKurilCommand>(name.ToLowerInvariant());
            if (command is null) return CommandUsage.Reply(descriptors, $"Unknown subcommand “{TextLimit.Truncate(name, 40)}”");

            var reply = await command.ExecuteAsync(request, cancellationToken);
            CommandLog.CommandHandled(logger, command.Descriptor.Name, request.Platform);
            return buttons.Sign(reply, request.Platform, request.ChannelId);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            CommandLog.CommandFailed(logger, TextLimit.Truncate(name, 40), request.Platform, e);
            return Reply.Message("Sorry", FailureText);
        }
    }

    /// <summary>Handles a button press.</summary>
    public async Task<Reply> PressAsync(ButtonRequest request, CancellationToken cancellationToken)
    {
        if (!ButtonToken.TryParse(request.Token, out var token))
        {
            CommandLog.BadButtonToken(logger, request.Platform);
            return Reply.Message("That button is not mine", "Ask again with /kuril ask <question>.");
        }

        if (!buttons.TryVerify(request.Token, request.Platform, request.ChannelId, out _))
        {
            CommandLog.BadButtonToken(logger, request.Platform);
            return Reply.Message("That button is not for this chat", "Its answer was sent elsewhere. Ask again here with /kuril ask <question>.");
        }

        // Feedback is not rate limited: a vote is cheap, counted once, and should never be refused.
        if (token.Action is not (ButtonAction.Helpful or ButtonAction.NotHelpful) && await RateLimitedAsync(request.Platform, request.UserId, cancellationToken) is { } slowDown)
        {
            return slowDown;
        }

        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var reply = await scope.ServiceProvider.GetRequiredService<ButtonPressHandler>().HandleAsync(request, token, cancellationToken);
            return buttons.Sign(reply, request.Platform, request.ChannelId);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            CommandLog.ButtonFailed(logger, request.Platform, e);
            return Reply.Message("Sorry", FailureText);
        }
    }

    private async Task<Reply?> RateLimitedAsync(Platform platform, string userId, CancellationToken cancellationToken)
    {
        if (platform == Platform.Console && !options.Value.RateLimitConsole) return null;
        RateLimitDecision decision;
        try
        {
            decision = await rateLimiter.TryAcquireAsync(platform, userId, cancellationToken);
        }
        catch (DbException e)
        {
            // The database is away: answering without the limit beats refusing everyone.
            CommandLog.RateLimitUnavailable(logger, platform, e);
            return null;
        }

        if (decision.IsGranted) return null;
        var seconds = (int)Math.Ceiling(decision.RetryAfter.TotalSeconds);
        CommandLog.RateLimited(logger, platform, seconds);
        metrics.RateLimitWait("user");
        return Reply.Message("Slow down", string.Create(CultureInfo.InvariantCulture, $"You're asking faster than I can answer well: slow down, try again in {seconds} s.")) with
        {
            RepeatsANotice = decision.AlreadyTold,
        };
    }
}
