using Cases.Domain.Employees;
using Cases.Projections.Employees;
using JasperFx.Events.Projections;
using Marten;

namespace Cases.Api.Employees;

public static class EmployeesConfiguration
{
    /// <summary>
    /// The employee's own events (absences), the employee kept as a snapshot written with them (a command reads that
    /// one row, not the whole stream), and everything on their record, by personnel number.
    /// </summary>
    public static StoreOptions ConfigureEmployees(this StoreOptions opts)
    {
        opts.Projections.Snapshot<Employee>(SnapshotLifecycle.Inline);
        opts.Projections.Add<EmployeeHistoryProjection>(ProjectionLifecycle.Inline);
        return opts.MapEventTypes(EmployeeEventNames.Stored);
    }
}
