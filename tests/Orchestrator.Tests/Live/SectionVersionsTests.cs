using Sweep.Orchestrator.Live;

namespace Sweep.Orchestrator.Tests.Live;

public class SectionVersionsTests
{
    private static IReadOnlyList<LiveSection> Page(string leaderboard) =>
    [
        LiveSection.Of("live", "<section id=\"live\">3 running</section>"),
        LiveSection.Of("leaderboard", leaderboard),
        LiveSection.Of("curves", "<section id=\"curves\"><svg/></section>"),
    ];

    [Fact]
    public void NewClient_IsSentEverySectionInPageOrder()
    {
        var sent = new SectionVersions().TakeChanged(Page("<section id=\"leaderboard\">a</section>"));

        Assert.Equal(["live", "leaderboard", "curves"], sent.Select(s => s.Id));
    }

    [Fact]
    public void SamePageAgain_SendsNothing()
    {
        var client = new SectionVersions();
        client.TakeChanged(Page("<section id=\"leaderboard\">a</section>"));

        Assert.Empty(client.TakeChanged(Page("<section id=\"leaderboard\">a</section>")));
    }

    [Fact]
    public void OneSectionChanged_SendsThatSectionAlone()
    {
        var client = new SectionVersions();
        client.TakeChanged(Page("<section id=\"leaderboard\">a</section>"));

        var sent = client.TakeChanged(Page("<section id=\"leaderboard\">b</section>"));

        Assert.Equal("leaderboard", Assert.Single(sent).Id);
        Assert.Contains(">b<", sent[0].Html);
    }

    [Fact]
    public void PageTheClientLoaded_CountsAsSent()
    {
        var loaded = Page("<section id=\"leaderboard\">a</section>");
        var client = new SectionVersions(loaded);

        Assert.Empty(client.TakeChanged(loaded));
        Assert.Single(client.TakeChanged(Page("<section id=\"leaderboard\">c</section>")));
    }

    [Fact]
    public void Digest_DependsOnTheHtmlOnly()
    {
        Assert.Equal(LiveSection.Of("a", "<p>x</p>").Digest, LiveSection.Of("b", "<p>x</p>").Digest);
        Assert.NotEqual(LiveSection.Of("a", "<p>x</p>").Digest, LiveSection.Of("a", "<p>y</p>").Digest);
    }
}
