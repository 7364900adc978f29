using Cases.Api.Infrastructure;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>The theory data of a role matrix: every endpoint with each role allowed, with each role refused, and alone.</summary>
public static class RoleMatrix
{
    public static TheoryData<string, string, string> Allowed(IEnumerable<(string Method, string Path, string[] Allowed)> endpoints)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (method, path, allowed) in endpoints)
        foreach (var role in allowed) data.Add(method, path, role);
        return data;
    }

    public static TheoryData<string, string, string> Refused(IEnumerable<(string Method, string Path, string[] Allowed)> endpoints)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (method, path, allowed) in endpoints)
        foreach (var role in Roles.All.Except(allowed)) data.Add(method, path, role);
        return data;
    }

    public static TheoryData<string, string> Endpoints(IEnumerable<(string Method, string Path)> endpoints)
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path) in endpoints) data.Add(method, path);
        return data;
    }
}
