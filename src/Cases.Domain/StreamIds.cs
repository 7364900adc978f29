using System.Security.Cryptography;
using System.Text;

namespace Cases.Domain;

/// <summary>
/// Ids of the streams that must be unique per organisation and key (an employee's record, one sanction per offence,
/// an organisation's calendar): name-based UUIDs (RFC 9562 version 5), so that two racing writers pick the same
/// stream and the second start fails instead of creating a twin. All other streams get random version 7 ids.
/// </summary>
public static class StreamIds
{
    private static readonly Guid Namespace = new("6f2d3c1e-8a4b-4f0e-9d6a-3b8c2e1f5a70");

    public static Guid Employee(string organisation, string personnelNumber) => For(organisation, "employee", personnelNumber);

    public static Guid Calendar(string organisation) => For(organisation, "calendar", "");

    public static Guid Sanction(string organisation, Guid caseId, string personnelNumber) =>
        For(organisation, "sanction", $"{caseId:N}/{personnelNumber}");

    public static Guid CallLine(string organisation, string lineId) => For(organisation, "call-line", lineId);

    /// <summary>A line's calls of one day: the day is logged once, so a second import finds the stream there.</summary>
    public static Guid CallDay(string organisation, string lineId, DateOnly date) =>
        For(organisation, "call-day", $"{lineId}/{date:yyyy-MM-dd}");

    /// <summary>A regional decision as one organisation it addresses keeps it: a redelivered message finds it there.</summary>
    public static Guid Instruction(string organisation, Guid decisionId) => For(organisation, "instruction", decisionId.ToString("N"));

    /// <summary>The organisation's reminder rules.</summary>
    public static Guid ReminderRules(string organisation) => For(organisation, "reminder-rules", "");

    /// <summary>One reminder, by what makes it one (see DueReminders.Key): two checks that send it start the same stream, and one fails.</summary>
    public static Guid Reminder(string organisation, string key) => For(organisation, "reminder", key);

    /// <summary>A person's digest of one day: two checks that mail it start the same stream, and one fails.</summary>
    public static Guid Digest(string organisation, string user, DateOnly day) => For(organisation, "digest", $"{user}/{day:yyyy-MM-dd}");

    private static Guid For(string organisation, string kind, string key)
    {
        var name = Encoding.UTF8.GetBytes($"{organisation}\n{kind}\n{key}");
        var bytes = Namespace.ToByteArray(bigEndian: true).Concat(name).ToArray();
        var hash = SHA1.HashData(bytes)[..16];
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }
}
