using Kuril.Bot.Commands;
using Kuril.Bot.Commands.Buttons;
using Kuril.Bot.Commands.Subcommands;
using Kuril.Bot.Conversations;
using Kuril.Bot.Daily;
using Kuril.Bot.Feedback;
using Kuril.Bot.Hosting.Health;
using Kuril.Bot.Hosting.Supervision;
using Kuril.Bot.Replies;
using Kuril.Bot.Storage;
using Kuril.Bot.Terminal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Hosting;

/// <summary>Registers the bot's own services.</summary>
public static class BotServiceCollectionExtensions
{
    /// <summary>The tag of the checks <c>/readyz</c> runs.</summary>
    public const string ReadinessTag = "ready";

    /// <summary>
    /// Adds the command pipeline with every <c>/kuril</c> subcommand, the bot's database (SQLite or PostgreSQL, per
    /// <c>Storage:Provider</c>, migrated before anything else starts, its old answers and votes pruned daily), the
    /// timeline, subscriptions and the daily-post scheduler and, when <paramref name="interactive"/>, the console chat
    /// (and its daily posts).
    /// </summary>
    public static IServiceCollection AddBot(this IServiceCollection services, IConfiguration configuration, bool interactive)
    {
        services.AddOptions<CommandOptions>()
            .Bind(configuration.GetSection(CommandOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<PlatformActivity>();
        services.AddSingleton<SupervisionState>();
        services.AddSingleton<Supervisor>();
        services.AddHealthChecks()
            .AddCheck<IndexHealthCheck>("index", tags: [ReadinessTag])
            .AddCheck<StoreHealthCheck>("store", tags: [ReadinessTag])
            .AddCheck<PlatformHealthCheck>("platforms", tags: [ReadinessTag])
            .AddCheck<SupervisionHealthCheck>("supervision", tags: [ReadinessTag]);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<BotDatabase>(provider => provider.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres
            ? ActivatorUtilities.CreateInstance<PostgresBotDatabase>(provider)
            : ActivatorUtilities.CreateInstance<SqliteBotDatabase>(provider));
        services.AddSingleton<UserIdHasher>();
        services.AddSingleton<LeaderElection>();
        services.AddHostedService<StorageStartup>(); // first, so the schema is in place before any other service starts
        services.AddSingleton<AnswerStore>();
        services.AddSingleton<FeedbackStore>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<StatsReader>();
        services.AddSingleton<SharedRateLimits>();
        services.AddSingleton<Retention>();
        services.AddHostedService<RetentionService>();
        services.AddSingleton<UserRateLimiter>();
        services.AddSingleton(new ButtonSigner(configuration));
        services.AddSingleton<CommandDispatcher>();
        services.AddScoped<AnswerReplyBuilder>();
        services.AddScoped<Conversation>();
        services.AddScoped<ButtonPressHandler>();
        services.AddSingleton<TimelineCache>();
        services.AddSingleton<DailyPostBuilder>();
        services.AddSingleton<ISubscriptionStore, SubscriptionStore>();
        services.AddOptions<DailyPostOptions>()
            .Bind(configuration.GetSection(DailyPostOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<DailyPostScheduler>();
        services.AddHostedService<DailyPostService>();

        // In the order help lists them.
        services.AddKurilCommand<AskCommand>(AskCommand.Info);
        services.AddKurilCommand<FollowUpCommand>(FollowUpCommand.Info);
        services.AddKurilCommand<IslandsCommand>(IslandsCommand.Info);
        services.AddKurilCommand<PositionsCommand>(PositionsCommand.Info);
        services.AddKurilCommand<SourcesCommand>(SourcesCommand.Info);
        services.AddKurilCommand<SourceCommand>(SourceCommand.Info);
        services.AddKurilCommand<OnThisDayCommand>(OnThisDayCommand.Info);
        services.AddKurilCommand<TimelineCommand>(TimelineCommand.Info);
        services.AddKurilCommand<SubscribeCommand>(SubscribeCommand.Info);
        services.AddKurilCommand<UnsubscribeCommand>(UnsubscribeCommand.Info);
        services.AddKurilCommand<SubscriptionCommand>(SubscriptionCommand.Info);
        services.AddKurilCommand<PreviewCommand>(PreviewCommand.Info);
        services.AddKurilCommand<ForgetCommand>(ForgetCommand.Info);
        services.AddKurilCommand<StatsCommand>(StatsCommand.Info);
        services.AddKurilCommand<HelpCommand>(HelpCommand.Info);

        if (interactive)
        {
            services.AddSingleton(TextReaderWriter.Standard);
            services.AddSingleton<IDailyPostSender, ConsoleDailyPostSender>();
            services.AddHostedService<ConsoleChatService>();
        }

        return services;
    }

    /// <summary>Registers one subcommand handler, scoped, under its name, and lists it for help and usage.</summary>
    public static IServiceCollection AddKurilCommand<TCommand>(this IServiceCollection services, CommandDescriptor descriptor)
        where TCommand : class, IKurilCommand
    {
        services.AddSingleton(descriptor);
        services.AddKeyedScoped<IKurilCommand, TCommand>(descriptor.Name);
        return services;
    }
}
