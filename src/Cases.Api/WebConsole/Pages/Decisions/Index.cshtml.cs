using Cases.Api.Localization;
using Cases.Api.Meetings;
using Cases.Projections.Meetings;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>The open decisions by the executor who owes them, the executors with overdue ones first, and overdue decisions first in each.</summary>
public sealed class DecisionsModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : ConsolePageModel(api, texts)
{
    public const string Path = $"{ConsoleSetup.Path}/decisions";

    public IReadOnlyList<ExecutorWorkload> Workloads { get; private set; } = [];

    public async Task OnGetAsync() => Workloads = await ReadAsync<List<ExecutorWorkload>>("/api/decisions/open-by-executor") ?? [];

    /// <summary>An executor's decisions as the page lists them: overdue ones first, then by due date.</summary>
    public static IEnumerable<DecisionSummary> InOrder(ExecutorWorkload workload) =>
        workload.Decisions.OrderByDescending(d => d.Status == DecisionStatus.Overdue).ThenBy(d => d.DueDate).ThenBy(d => d.ProtocolNumber, StringComparer.Ordinal);
}
