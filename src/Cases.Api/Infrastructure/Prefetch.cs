using Marten;

namespace Cases.Api.Infrastructure;

/// <summary>
/// A command reads the read models its events will update in the round trip that reads its write model. Marten's inline
/// projections then update the instances in the session's identity map instead of loading them again during the
/// commit. Single-stream read models come through Wolverine's <c>[ReadAggregate]</c> beside <c>[WriteAggregate]</c>
/// (Marten's <c>FetchLatest</c> keeps them in the identity map); others are loaded in the batch after this call.
/// </summary>
public static class Prefetch
{
    public static void ForInlineProjection<T>(IDocumentSession session) where T : notnull => session.UseIdentityMapFor<T>();
}
