using Microsoft.AspNetCore.Http;
using Sweep.Orchestrator.Live;

namespace Sweep.Orchestrator.Tests.Live;

public class LiveAccessTests
{
    private static readonly LiveToken Token = new("tok-123");

    private static async Task<(HttpContext Context, bool Passed)> RequestAsync(string path, string query = "",
        string? cookie = null, string? authorization = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        if (cookie is not null)
            context.Request.Headers.Cookie = $"{LiveToken.CookieName}={cookie}";
        if (authorization is not null)
            context.Request.Headers.Authorization = authorization;
        var passed = false;
        await LiveAccess.GuardAsync(context, Token, _ => { passed = true; return Task.CompletedTask; });
        return (context, passed);
    }

    [Theory]
    [InlineData("/", "")]
    [InlineData("/events", "")]
    [InlineData("/events", "?token=tok-12")]
    [InlineData("/health", "?token=")]
    public async Task WithoutTheToken_IsRefusedWith401(string path, string query)
    {
        var (context, passed) = await RequestAsync(path, query);

        Assert.False(passed);
        Assert.Equal(401, context.Response.StatusCode);
    }

    [Fact]
    public async Task WrongCookieOrBearer_IsRefused()
    {
        Assert.False((await RequestAsync("/events", cookie: "nope")).Passed);
        Assert.False((await RequestAsync("/health", authorization: "Bearer nope")).Passed);
        Assert.False((await RequestAsync("/health", authorization: "tok-123")).Passed);
    }

    [Fact]
    public async Task TokenInQuery_SetsAStrictHttpOnlyCookieAndLeavesTheAddressBar()
    {
        var (context, passed) = await RequestAsync("/", "?token=tok-123");

        Assert.False(passed);
        Assert.Equal(302, context.Response.StatusCode);
        Assert.Equal("/", context.Response.Headers.Location.ToString());
        var cookie = context.Response.Headers.SetCookie.ToString().ToLowerInvariant();
        Assert.Contains($"{LiveToken.CookieName}=tok-123", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
    }

    [Fact]
    public async Task CookieOrBearer_IsAdmitted()
    {
        Assert.True((await RequestAsync("/events", cookie: "tok-123")).Passed);
        Assert.True((await RequestAsync("/health", authorization: "Bearer tok-123")).Passed);
        Assert.True((await RequestAsync("/events", "?token=tok-123")).Passed);
    }
}
