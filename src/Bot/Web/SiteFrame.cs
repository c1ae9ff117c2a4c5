namespace Kuril.Bot.Web;

/// <summary>What every page's frame shows around the page.</summary>
/// <param name="Title">The page's title.</param>
/// <param name="Canonical">The page's one public address, when the site knows it.</param>
/// <param name="Question">The question in the search box.</param>
/// <param name="MaxQuestionLength">The search box's length limit, as commands have.</param>
public sealed record SiteFrame(string Title, Uri? Canonical, string? Question = null, int MaxQuestionLength = 500);
