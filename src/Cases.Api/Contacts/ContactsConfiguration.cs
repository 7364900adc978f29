using Cases.Domain.Contacts;
using Marten;

namespace Cases.Api.Contacts;

public static class ContactsConfiguration
{
    /// <summary>The intake's contacts: events only, read back from their streams and counted by the statistics.</summary>
    public static StoreOptions ConfigureContacts(this StoreOptions opts) => opts.MapEventTypes(ContactEventNames.Stored);
}
