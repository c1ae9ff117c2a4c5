using Kuril.Knowledge.Answers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kuril.Knowledge.Hosting;

/// <summary>Registers the knowledge core.</summary>
public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the knowledge base over the corpus named by the <c>Knowledge</c> section, validated on start, and a
    /// hosted service that loads it on start and re-indexes it when the corpus changes.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KnowledgeOptions>()
            .Bind(configuration.GetSection(KnowledgeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<KnowledgeBase>();
        services.AddSingleton<IKnowledgeBase>(sp => sp.GetRequiredService<KnowledgeBase>());
        services.AddHostedService<CorpusWatcher>();
        return services;
    }
}
