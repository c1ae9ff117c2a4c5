using Kuril.Bot.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace Kuril.Bot.Tests.Commands.Subcommands;

public sealed class HelpCommandTests
{
    [Fact]
    public async Task Help_lists_every_registered_subcommand_with_an_example_that_works()
    {
        using var bot = new TestBot();
        var descriptors = bot.Services.GetServices<CommandDescriptor>().ToList();

        var help = await bot.RunAsync("help");

        Assert.Equal(15, descriptors.Count); // preview joined with the daily posts, forget with retention, followup and stats with conversations
        foreach (var descriptor in descriptors)
        {
            Assert.Contains(help.Paragraphs, p => p.StartsWith("/kuril " + descriptor.Name, StringComparison.Ordinal) && p.EndsWith("Example: " + descriptor.Example, StringComparison.Ordinal));
            var example = KurilCommandText.Parse(descriptor.Example);
            Assert.Equal(descriptor.Name, example?.Subcommand);
            var reply = await bot.RunAsync(example!.Value.Subcommand, example.Value.Arguments, platform: Platform.Console, isAdmin: true);
            Assert.DoesNotContain("Unknown", reply.Title, StringComparison.Ordinal);
            Assert.NotEqual("Sorry", reply.Title);
        }
    }
}
