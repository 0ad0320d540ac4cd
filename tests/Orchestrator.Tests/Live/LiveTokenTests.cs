using Sweep.Orchestrator.Live;

namespace Sweep.Orchestrator.Tests.Live;

public class LiveTokenTests
{
    [Fact]
    public void Matches_OnlyTheSameValue()
    {
        var token = new LiveToken("s3cret-token");

        Assert.True(token.Matches("s3cret-token"));
        Assert.False(token.Matches("s3cret-tokeN"));
        Assert.False(token.Matches("s3cret-token "));
        Assert.False(token.Matches("s3cret"));
        Assert.False(token.Matches(""));
        Assert.False(token.Matches(null));
    }

    [Fact]
    public void Generated_AreUrlSafeAndNeverRepeat()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => LiveToken.Generate().Value).ToList();

        Assert.Equal(50, tokens.Distinct().Count());
        Assert.All(tokens, t =>
        {
            Assert.Equal(43, t.Length);
            Assert.Matches("^[A-Za-z0-9_-]+$", t);
        });
    }

    [Fact]
    public void EmptyToken_IsNotAccepted() => Assert.Throws<ArgumentException>(() => new LiveToken(" "));
}
