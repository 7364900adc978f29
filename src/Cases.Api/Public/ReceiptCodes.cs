using System.Security.Cryptography;
using Cases.Domain.Public;
using Cases.Projections.Public;
using Marten;

namespace Cases.Api.Public;

/// <summary>A new receipt: the code the reporter keeps (shown once, never stored) and what the service stores of it.</summary>
public sealed record NewReceipt(string Code, Receipt Stored);

/// <summary>
/// Receipt codes: a lookup part (40 random bits, not secret, finds the report) and a secret part (160 random bits),
/// written in Crockford's base32 in groups of four, to be read over the phone. Only a PBKDF2-SHA256 hash of the secret
/// part, with a salt of its own, is stored. Checking a code costs the same slow hash and a fixed-time comparison
/// whether the lookup part is known or not, so a wrong code and an unknown one cannot be told apart.
/// </summary>
public static class ReceiptCodes
{
    public const string HeaderDescription =
        "The receipt code the report answered: 40 characters of Crockford's base32 (hyphens and spaces ignored, letters in either case).";

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int LookupBytes = 5;
    private const int SecretBytes = 20;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private static readonly int LookupChars = LookupBytes * 8 / 5;
    private static readonly int CodeChars = LookupChars + SecretBytes * 8 / 5;

    public static NewReceipt Issue(int iterations)
    {
        var lookup = Base32(RandomNumberGenerator.GetBytes(LookupBytes));
        var secret = RandomNumberGenerator.GetBytes(SecretBytes);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var code = string.Join('-', (lookup + Base32(secret)).Chunk(4).Select(group => new string(group)));
        return new NewReceipt(code, new Receipt(lookup, Convert.ToBase64String(salt), Convert.ToBase64String(Hash(secret, salt, iterations)), iterations));
    }

    /// <summary>
    /// The report the request's receipt code opens; or the refusal: 400 without a code, and for a wrong, unknown or
    /// malformed code one and the same 404.
    /// </summary>
    public static async Task<(PublicReport? Report, IResult? Refusal)> OpenAsync(HttpRequest request, IQuerySession session, int iterations,
        CancellationToken ct)
    {
        var code = request.Headers[PublicChannel.ReceiptHeader].ToString();
        if (code.Length == 0)
        {
            return (null, Results.Problem(Problems.Invalid(new Dictionary<string, string[]>
            {
                [PublicChannel.ReceiptHeader] = ["Required: the receipt code given with the report."]
            })));
        }
        return await FindAsync(session, code, iterations, ct) is { } report
            ? (report, null)
            : (null, Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: "No report matches this receipt code. Check it, group by group."));
    }

    /// <summary>The report a code opens, or null for a wrong, unknown or malformed code, all in the same time.</summary>
    public static async Task<PublicReport?> FindAsync(IQuerySession session, string? code, int iterations, CancellationToken ct)
    {
        var normalised = Normalise(code);
        var lookup = normalised?[..LookupChars];
        var report = lookup is null ? null : await session.Query<PublicReport>().FirstOrDefaultAsync(r => r.LookupId == lookup, ct);
        var secret = normalised is null ? new byte[SecretBytes] : FromBase32(normalised[LookupChars..]);
        var salt = report is null ? new byte[SaltBytes] : Convert.FromBase64String(report.Salt);
        var expected = report is null ? new byte[HashBytes] : Convert.FromBase64String(report.Hash);
        var matches = CryptographicOperations.FixedTimeEquals(Hash(secret, salt, report?.Iterations ?? iterations), expected);
        return matches && report is not null ? report : null;
    }

    private static byte[] Hash(byte[] secret, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(secret, salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    /// <summary>Upper case, without separators, with the letters people confuse read as the digits they look like.</summary>
    private static string? Normalise(string? code)
    {
        if (code is null) return null;
        var chars = code.ToUpperInvariant().Where(c => c is not ('-' or ' '))
            .Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c }).ToArray();
        return chars.Length == CodeChars && chars.All(c => Alphabet.Contains(c)) ? new string(chars) : null;
    }

    private static string Base32(byte[] bytes)
    {
        var bits = new System.Numerics.BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var chars = new char[bytes.Length * 8 / 5];
        for (var i = chars.Length - 1; i >= 0; i--, bits >>= 5) chars[i] = Alphabet[(int)(bits & 31)];
        return new string(chars);
    }

    private static byte[] FromBase32(string text)
    {
        var bits = text.Aggregate(System.Numerics.BigInteger.Zero, (value, c) => (value << 5) | Alphabet.IndexOf(c));
        var bytes = bits.ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = new byte[text.Length * 5 / 8];
        bytes.CopyTo(result, result.Length - bytes.Length);
        return result;
    }
}
