namespace Cases.Domain;

/// <summary>
/// A field of a stored event as the event store holds it: the event's global sequence number, and the field's value in
/// JSON exactly as stored (<c>15</c>, <c>"Dismissal"</c>). A correction names it, so the record says what it mends.
/// </summary>
public sealed record StoredValue(long Sequence, string Json);
