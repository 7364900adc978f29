using Cases.Domain.Reminders;
using JasperFx.Events.Projections;
using Marten;

namespace Cases.Api.Reminders;

public static class RemindersConfiguration
{
    /// <summary>The rules, each reminder and each digest kept as snapshots written with their events, so a check sees what the last one sent.</summary>
    public static StoreOptions ConfigureReminders(this StoreOptions opts)
    {
        opts.Projections.Snapshot<OrganisationReminderRules>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Reminder>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<PersonDigest>(SnapshotLifecycle.Inline);
        opts.Schema.For<Reminder>().Index(x => x.Recipient).Index(x => x.Role);
        // Two checks moving the chain on at once: the second fails, and its retry finds its link replaced.
        opts.Schema.For<ReminderCheckChain>().UseOptimisticConcurrency(true);
        return opts.MapEventTypes(ReminderEventNames.Stored);
    }

    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<NotificationSettings>(config.GetSection(NotificationSettings.SectionName));
        services.AddSingleton<ReminderMailer>();
        services.AddSingleton<OpenClocks>();
        services.AddSingleton<Public.ReporterNoticeMailer>();
        return services.AddHostedService<ReminderChecksStart>();
    }
}
