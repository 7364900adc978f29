using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Cases;

namespace Cases.Api.Tests.Cases;

/// <summary>A case's readers see what its step allows next, as the decisions' own guards judge it, whatever their roles.</summary>
public class when_reading_a_case(CaseApiApp app) : CaseApiTests(app)
{
    [Fact]
    public async Task the_actions_its_step_allows_come_with_it()
    {
        var (caseId, _) = await CaseAtAsync(CaseStep.ExplanationRequested);

        (await GetCaseAsync(caseId, App.Token(Org, Roles.Member))).AllowedActions.ShouldBe([
            CaseAction.Reassign, CaseAction.IdentifySubject, CaseAction.RequestExplanation, CaseAction.RecordExplanation,
            CaseAction.AttachEvidence, CaseAction.RecordFinding, CaseAction.Refer, CaseAction.Close
        ]);
    }

    [Fact]
    public async Task a_closed_case_allows_only_its_reopening()
    {
        var (caseId, _) = await CaseAtAsync(CaseStep.Closed);

        (await GetCaseAsync(caseId)).AllowedActions.ShouldBe([CaseAction.Reopen]);
    }
}
