using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cases.Domain.Privacy;
using Marten;
using Weasel.Postgresql.Tables;

namespace Cases.Api.Privacy;

/// <summary>A person's key: the data of theirs sealed under it is shredded with it.</summary>
public sealed record PersonalKey(Guid PersonId, byte[] Key);

/// <summary>Personal data read back: the value, or the fact that it was erased (its key destroyed).</summary>
public sealed record Unsealed<T>(T? Value, bool Erased) where T : class;

/// <summary>
/// Crypto-shredding. Each person's personal data is encrypted (AES-256-GCM) under a key of their own, kept in table
/// <c>cases_personal_keys</c> per organisation, outside the events. An erasure empties the key: the ciphertext in the
/// events stays as it was written (so the hash chain still verifies) but can never be read again.
/// </summary>
public static class PersonalKeys
{
    public const string TableName = "cases_personal_keys";
    private const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public static Table Table(string schema)
    {
        var table = new Table($"{schema}.{TableName}");
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<Guid>("person_id").AsPrimaryKey();
        // Null once erased: the row stays, so that an erased person is told apart from an unknown one.
        table.AddColumn("key", "bytea");
        table.AddColumn<DateTimeOffset>("erased_at");
        return table;
    }

    /// <summary>Encrypts a new person's data under a new key, which the session stores in its own transaction.</summary>
    public static SealedPersonalData Seal<T>(IDocumentSession session, T value) => Seal(session.TenantId, Create(session), value);

    /// <summary>A new person's key, which the session stores in its own transaction.</summary>
    public static PersonalKey Create(IDocumentSession session)
    {
        var key = new PersonalKey(Guid.CreateVersion7(), RandomNumberGenerator.GetBytes(KeyBytes));
        session.QueueSqlCommand($"insert into {Schema(session)}.{TableName} (tenant_id, person_id, key) values (?, ?, ?)",
            session.TenantId, key.PersonId, key.Key);
        return key;
    }

    /// <summary>The person's key, to seal more of their data under it; null once erased.</summary>
    public static async Task<PersonalKey?> FindAsync(IQuerySession session, Guid personId, CancellationToken ct)
    {
        var keys = await session.AdvancedSql.QueryAsync<byte[]>(
            $"select key from {Schema(session)}.{TableName} where tenant_id = ? and person_id = ? and key is not null",
            ct, session.TenantId, personId);
        return keys.Count == 0 ? null : new PersonalKey(personId, keys[0]);
    }

    /// <summary>Encrypts more of a person's data under their key, so that their erasure shreds it with the rest.</summary>
    public static SealedPersonalData Seal<T>(string tenant, PersonalKey key, T value)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(value, JsonSerializerOptions.Web);
        var sealedBytes = new byte[plaintext.Length + TagBytes];
        using (var aes = new AesGcm(key.Key, TagBytes))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(0, plaintext.Length), sealedBytes.AsSpan(plaintext.Length),
                AssociatedData(tenant, key.PersonId));
        }
        return new SealedPersonalData(key.PersonId, Convert.ToBase64String(nonce), Convert.ToBase64String(sealedBytes));
    }

    public static async Task<Unsealed<T>> UnsealAsync<T>(IQuerySession session, SealedPersonalData data, CancellationToken ct) where T : class
    {
        if (await FindAsync(session, data.PersonId, ct) is not { } key) return new Unsealed<T>(null, Erased: true);

        var sealedBytes = Convert.FromBase64String(data.Ciphertext);
        var plaintext = new byte[sealedBytes.Length - TagBytes];
        using var aes = new AesGcm(key.Key, TagBytes);
        aes.Decrypt(Convert.FromBase64String(data.Nonce), sealedBytes.AsSpan(0, plaintext.Length), sealedBytes.AsSpan(plaintext.Length),
            plaintext, AssociatedData(session.TenantId, data.PersonId));
        return new Unsealed<T>(JsonSerializer.Deserialize<T>(plaintext, JsonSerializerOptions.Web), Erased: false);
    }

    /// <summary>
    /// Destroys the person's key in the session's transaction, with the event that records the erasure; a key already
    /// destroyed keeps the time it was.
    /// </summary>
    public static void Destroy(IDocumentSession session, Guid personId, DateTimeOffset at) =>
        session.QueueSqlCommand($"update {Schema(session)}.{TableName} set key = null, erased_at = ? where tenant_id = ? and person_id = ? and key is not null",
            at.ToUniversalTime(), session.TenantId, personId);

    /// <summary>Binds a ciphertext to its organisation and person, so that it cannot be passed off as another's.</summary>
    private static byte[] AssociatedData(string tenant, Guid personId) => Encoding.UTF8.GetBytes($"{tenant}\n{personId:D}");

    private static string Schema(IQuerySession session) => session.DocumentStore.Options.DatabaseSchemaName;
}
