using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Timeline;

namespace Kuril.Bot.Web;

/// <summary>What <c>/</c> and <c>/search</c> show.</summary>
/// <param name="Question">The question, or null for the start page.</param>
/// <param name="Answer">The answer, or null when the question was refused.</param>
/// <param name="Problem">Why the question was refused (too long), or null.</param>
/// <param name="Canonical">The page's public address.</param>
/// <param name="PathOf">The site path of a summary's corpus source.</param>
/// <param name="MaxQuestionLength">The search box's length limit.</param>
public sealed record SearchPageModel(string? Question, Answer? Answer, string? Problem, Uri? Canonical, Func<TimelineSource, string> PathOf, int MaxQuestionLength);
