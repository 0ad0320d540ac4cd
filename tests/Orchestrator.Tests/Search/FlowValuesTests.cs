using Sweep.Orchestrator.Search;

namespace Sweep.Orchestrator.Tests.Search;

public class FlowValuesTests
{
    [Theory]
    [InlineData("0.001", "1e-3")]
    [InlineData("1", "1.0")]
    [InlineData("1000", "1E3")]
    [InlineData("True", "true")]
    [InlineData(" sgd ", "sgd")]
    [InlineData("[128, 64]", "[128, 64]")]
    public void AreEqual_SameValueInAnotherSpelling_IsEqual(string left, string right) =>
        Assert.True(FlowValues.AreEqual(left, right));

    [Theory]
    [InlineData("0.001", "0.01")]
    [InlineData("sgd", "SGD")]
    [InlineData("1", "true")]
    [InlineData("[128, 64]", "[64, 128]")]
    [InlineData("9007199254740993", "9007199254740992")]
    public void AreEqual_DifferentValues_IsNotEqual(string left, string right) =>
        Assert.False(FlowValues.AreEqual(left, right));

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-5, "1E-05")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(2.0, "2")]
    public void Format_WritesTheShortestInvariantRoundTrip(double value, string expected)
    {
        Assert.Equal(expected, FlowValues.Format(value));
        Assert.Equal(value, double.Parse(FlowValues.Format(value), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ConfigKey_IgnoresOrderAndSpelling()
    {
        var one = ConfigKeys.Of([new("training.lr", "1e-3", "0.01"), new("model.dropout", "0.5", "0")]);
        var other = ConfigKeys.Of([new("model.dropout", "0.50", "0"), new("training.lr", "0.001", "0.01")]);
        Assert.Equal(one, other);
        Assert.Equal("model.dropout=0.5; training.lr=0.001", one);
        Assert.Equal("baseline", ConfigKeys.Of([]));
    }
}
