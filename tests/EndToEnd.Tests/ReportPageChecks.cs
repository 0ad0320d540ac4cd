using Microsoft.Playwright;
using Sweep.Reports.Html;

namespace Sweep.EndToEnd.Tests;

/// <summary>What every report must satisfy once open in the browser.</summary>
public static class ReportPageChecks
{
    public static async Task AssertEverySectionAndImageAsync(IPage page, int minimumImages)
    {
        foreach (var id in ReportPage.Sections.Select(s => s.Id))
            Assert.True(await page.Locator($"#{id}").IsVisibleAsync(), $"section #{id} is missing");
        var sizes = await page.EvaluateAsync<double[][]>(
            "() => Array.from(document.querySelectorAll('img, svg.plot')).map(e => { const r = e.getBoundingClientRect(); " +
            "return [r.width, r.height, e.tagName === 'IMG' ? e.naturalWidth : 1]; })");
        Assert.True(sizes.Length >= minimumImages, $"only {sizes.Length} images and plots");
        Assert.All(sizes, size => Assert.True(size[0] > 0 && size[1] > 0 && size[2] > 0,
            $"an image or plot has size {string.Join("×", size)}"));
    }

    public static async Task AssertLeaderboardSortsAsync(IPage page)
    {
        const string objectiveColumn = "3";
        var keys = $"() => Array.from(document.querySelectorAll('#leaderboard-table tbody tr')).map(r => r.cells[{objectiveColumn}].getAttribute('data-sort'))";
        var header = page.Locator($"#leaderboard-table thead th >> nth={objectiveColumn}");

        await header.ClickAsync();
        var ascending = await page.EvaluateAsync<string[]>(keys);
        await header.ClickAsync();
        var descending = await page.EvaluateAsync<string[]>(keys);

        double[] Numbers(string[] values) => values.Where(v => v != "").Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(Numbers(ascending).Order(), Numbers(ascending));
        Assert.Equal(Numbers(descending).OrderDescending(), Numbers(descending));
        Assert.True(Numbers(ascending).Length > 3, "leaderboard has too few ranked rows to test sorting");
        Assert.NotEqual(ascending, descending);
        Assert.Equal("descending", await header.GetAttributeAsync("aria-sort"));
    }
}
