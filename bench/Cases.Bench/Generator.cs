using Cases.Api.Infrastructure;
using Cases.Domain;
using Cases.Domain.Cases;
using Cases.Domain.Commissions;
using Cases.Domain.Meetings;
using Cases.Domain.Sanctions;

namespace Cases.Bench;

/// <summary>One stream's events as the service would have recorded them, with who recorded each and when.</summary>
public sealed record GeneratedStream(string Organisation, Guid Id, string Type, IReadOnlyList<GeneratedEvent> Events);

public sealed record GeneratedEvent(object Data, DateTimeOffset Time, string User, string Roles);

/// <summary>
/// Organisations like the seed's hospital, each with its employees, a disciplinary commission and five years of
/// cases: intake, investigation with explanations and evidence, findings, referrals to monthly commission meetings
/// that vote and adopt protocol decisions and report their execution, sanctions imposed and announced. The same
/// seed gives the same data, and each organisation's history is complete and consistent, so every projection
/// builds from it as from the service's own appends.
/// </summary>
public static class Generator
{
    public const int Employees = 300;
    public const int CasesPerOrganisation = 400;
    public static readonly DateOnly FirstDay = new(2021, 1, 4);

    public static string Organisation(int index) => $"org-{index:D4}";

    public static string Employee(int index) => $"E-{index:D4}";

    /// <summary>The events of organisation <paramref name="index"/>, streams in the order they start.</summary>
    public static IEnumerable<GeneratedStream> For(int index)
    {
        var org = Organisation(index);
        var random = new Random(index);
        var registrar = $"registrar@{org}";
        var investigator = $"investigator@{org}";
        var secretary = $"secretary@{org}";
        var hr = $"hr@{org}";
        DateTimeOffset At(DateOnly day, int minutes) => new(day.ToDateTime(new TimeOnly(9, 0)).AddMinutes(minutes), TimeSpan.Zero);

        var commissionId = Guid.CreateVersion7();
        string[] members = [Employee(Employees + 1), Employee(Employees + 2), Employee(Employees + 3), Employee(Employees + 4), Employee(Employees + 5)];
        MemberRole[] roles = [MemberRole.Chair, MemberRole.DeputyChair, MemberRole.Member, MemberRole.Member, MemberRole.Secretary];
        var commission = new List<GeneratedEvent>
        {
            new(new CommissionEstablished(commissionId, "Ethics commission", CommissionKind.Ethics, QuorumRule.MoreThanHalf,
                MajorityRule.MoreThanHalfOfPresent, true, FirstDay.AddDays(-30)), At(FirstDay.AddDays(-30), 0), secretary, Roles.Secretary)
        };
        commission.AddRange(members.Select((m, i) => new GeneratedEvent(
            new CommissionMemberAppointed(commissionId, m, $"Member {m}", null, roles[i], FirstDay.AddDays(-30)),
            At(FirstDay.AddDays(-30), i + 1), secretary, Roles.Secretary)));
        yield return new GeneratedStream(org, commissionId, "commission", commission);

        var referred = new List<(Guid CaseId, string Number, DateOnly On)>();
        var meetingNumber = 0;
        for (var n = 1; n <= CasesPerOrganisation; n++)
        {
            var caseId = Guid.CreateVersion7();
            var received = FirstDay.AddDays((n - 1) * 1826 / CasesPerOrganisation);
            var number = CaseNumber.Format(received.Year, n);
            var subjects = Enumerable.Range(0, random.Next(1, 3)).Select(_ => Employee(random.Next(1, Employees + 1))).Distinct().ToList();
            var events = new List<GeneratedEvent>();
            var day = received;
            void Add(object data, string user, string role) => events.Add(new(data, At(day, events.Count * 7), user, role));

            Add(new CaseRegistered(caseId, number, (Channel)random.Next(0, 7), (Category)random.Next(0, 6), subjects,
                random.Next(4) == 0 ? new Complainant(true) : new Complainant(false, "A. Complainant", Email: "complainant@example.org"),
                "Patient waited five hours for chemotherapy", received), registrar, Roles.Registrar);
            day = day.AddDays(1);
            Add(new CaseAcknowledged(caseId, day), registrar, Roles.Registrar);
            Add(new InvestigatorAssigned(caseId, investigator, day), investigator, Roles.Investigator);
            foreach (var subject in subjects)
            {
                day = day.AddDays(1);
                Add(new ExplanationRequested(caseId, subject, day), investigator, Roles.Investigator);
                day = day.AddDays(3);
                Add(random.Next(10) == 0
                    ? new ExplanationRefused(caseId, subject, day, ["W-1", "W-2"])
                    : new ExplanationReceived(caseId, subject, day, "I was on duty and followed the schedule."), investigator, Roles.Investigator);
            }
            for (var i = random.Next(0, 3); i > 0; i--)
            {
                Add(new EvidenceAttached(caseId, Guid.CreateVersion7(), $"scan-{i}.pdf", "application/pdf", 120_000 + i,
                    Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()), "Schedule of the day", day), investigator, Roles.Investigator);
            }
            day = day.AddDays(5);
            var violation = random.Next(10) < 6;
            var atFault = violation ? subjects.Take(1).ToList() : [];
            Add(new FindingRecorded(caseId, violation, atFault, violation ? ["4.2"] : [], random.Next(10) == 0,
                violation ? "The schedule was not kept." : "The delay was caused by the pharmacy.", day), investigator, Roles.Investigator);
            if (violation && random.Next(2) == 0)
            {
                Add(new CaseReferredToCommission(caseId, "Ethics commission", day), investigator, Roles.Investigator);
                referred.Add((caseId, number, day));
            }
            day = day.AddDays(2);
            Add(new CaseClosed(caseId, violation ? CaseOutcome.ViolationConfirmed : CaseOutcome.NoViolationFound, "Closed", day),
                investigator, Roles.Investigator);
            yield return new GeneratedStream(org, caseId, "case", events);

            foreach (var employee in atFault.Where(_ => random.Next(10) < 7))
            {
                var sanctionId = StreamIds.Sanction(org, caseId, employee);
                var ordered = day.AddDays(3);
                yield return new GeneratedStream(org, sanctionId, "sanction",
                [
                    new(new SanctionImposed(sanctionId, employee, caseId, number, null, null, SanctionType.Remark, $"{n}-k", ordered,
                        received.AddDays(-3), day, ordered.AddDays(5), ordered.AddMonths(6)), At(ordered, 0), hr, Roles.Hr),
                    new(new SanctionAnnounced(sanctionId, employee, ordered.AddDays(1), false), At(ordered.AddDays(1), 0), hr, Roles.Hr)
                ]);
            }

            // A commission meets once it has four cases to hear.
            if (referred.Count < 4) continue;
            var meetingId = Guid.CreateVersion7();
            var heldOn = referred.Max(r => r.On).AddDays(7);
            var meetingEvents = new List<GeneratedEvent>();
            void Meet(object data) => meetingEvents.Add(new(data, At(heldOn, meetingEvents.Count), secretary, Roles.Secretary));
            var agenda = referred.Select((r, i) => new AgendaItem(i + 1, $"Case {r.Number}", r.CaseId, r.Number)).ToList();
            meetingNumber++;
            Meet(new MeetingScheduled(meetingId, commissionId, At(heldOn, 0), "Room 101", agenda));
            Meet(new AttendanceRecorded(meetingId, members));
            Meet(new MeetingOpened(meetingId, meetingNumber, heldOn,
                members.Select((m, i) => new SittingMember(m, $"Member {m}", null, roles[i])).ToList(), 3, MajorityRule.MoreThanHalfOfPresent, true));
            var decisions = new List<GeneratedStream>();
            foreach (var item in agenda)
            {
                foreach (var voter in members.Take(4)) Meet(new VoteCast(meetingId, item.Number, voter, Vote.For));
                var decisionId = Guid.CreateVersion7();
                var protocol = $"{meetingNumber}/{heldOn.Year}-{item.Number}";
                Meet(new ItemResolved(meetingId, item.Number, true, 4, 0, 0, false, decisionId, protocol));
                var adopted = new DecisionAdopted(decisionId, meetingId, commissionId, protocol, item.Number, DecisionKind.Instruction,
                    "Retrain the unit on the schedule", item.CaseId, item.CaseNumber, new Executor(ExecutorKind.Unit, "Day hospital"),
                    heldOn.AddDays(30), heldOn);
                decisions.Add(new GeneratedStream(org, decisionId, "protocoldecision",
                [
                    new(adopted, At(heldOn, 60 + item.Number), secretary, Roles.Secretary),
                    new(new ExecutionReported(decisionId, ExecutionProgress.Executed, "Done", ["order-17.pdf"], heldOn.AddDays(20)),
                        At(heldOn.AddDays(20), 0), secretary, Roles.Secretary)
                ]));
            }
            Meet(new MinutesSigned(meetingId, heldOn));
            yield return new GeneratedStream(org, meetingId, "meeting", meetingEvents);
            foreach (var decision in decisions) yield return decision;
            referred.Clear();
        }
    }
}
