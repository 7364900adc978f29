namespace Cases.Domain;

/// <summary>
/// A fact the service records by itself when a clock runs out, never at a person's request: it is recorded under
/// the service's identity, whoever's request scheduled it.
/// </summary>
public interface IRecordedByService;
