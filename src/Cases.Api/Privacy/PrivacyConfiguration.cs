using Cases.Domain.Privacy;
using Marten;

namespace Cases.Api.Privacy;

public static class PrivacyConfiguration
{
    /// <summary>The erasure's events, and the table of the keys that seal personal data.</summary>
    public static StoreOptions ConfigurePrivacy(this StoreOptions opts)
    {
        opts.Storage.ExtendedSchemaObjects.Add(PersonalKeys.Table(opts.DatabaseSchemaName));
        return opts.MapEventTypes(PrivacyEventNames.Stored);
    }
}
