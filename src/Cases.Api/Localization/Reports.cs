namespace Cases.Api.Localization;

/// <summary>
/// The texts of the reports the service writes (Resources/Localization/Reports.*.resx): the compliance service's
/// narrative, the regional session's report, CSV headers and chart labels. A key ending in a CLDR plural category
/// (<c>:one</c>, <c>:few</c>, <c>:many</c>, <c>:other</c>) is one form of a counted phrase.
/// </summary>
public sealed class Reports;
