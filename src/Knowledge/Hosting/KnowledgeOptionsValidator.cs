using Microsoft.Extensions.Options;

namespace Kuril.Knowledge.Hosting;

/// <summary>Checks on start that the corpus folder exists, so a wrong path stops the host naming the key.</summary>
internal sealed class KnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options)
    {
        var documents = Path.Combine(options.CorpusPath, Corpus.CorpusReader.DocumentsFolder);
        return Directory.Exists(documents)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{KnowledgeOptions.SectionName}:{nameof(KnowledgeOptions.CorpusPath)} is '{options.CorpusPath}', but {Path.GetFullPath(documents)} does not exist.");
    }
}
