using System.Net;
using System.Net.Sockets;
using Sweep.Orchestrator.Contracts;
using Sweep.Orchestrator.Live;

namespace Sweep.Orchestrator.Tests.Live;

public class LiveEndpointTests
{
    [Fact]
    public void Defaults_AreLoopbackOnPort8080WithoutToken()
    {
        var endpoint = LiveEndpoint.Parse(null, null);

        Assert.Equal(IPAddress.Loopback, endpoint.Address);
        Assert.Equal(8080, endpoint.Port);
        Assert.False(endpoint.NeedsToken);
        Assert.Equal("http://127.0.0.1:8080/", endpoint.Url(8080));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.20")]
    [InlineData("::")]
    public void AnyOtherBind_NeedsToken(string bind) => Assert.True(LiveEndpoint.Parse(9000, bind).NeedsToken);

    [Theory]
    [InlineData("localhost")]
    [InlineData("::1")]
    [InlineData("127.0.0.1")]
    public void LoopbackNames_NeedNoToken(string bind) => Assert.False(LiveEndpoint.Parse(9000, bind).NeedsToken);

    [Fact]
    public void WildcardBind_IsOpenedThroughLoopback() =>
        Assert.Equal("http://127.0.0.1:9100/", LiveEndpoint.Parse(0, "0.0.0.0").Url(9100));

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void PortOutOfRange_IsRefusedNamingTheOption(int port)
    {
        var error = Assert.Throws<UserErrorException>(() => LiveEndpoint.Parse(port, null));
        Assert.StartsWith($"--port {port}: expected a port from 1 to 65535", error.Message);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("999.1.1.1")]
    [InlineData("")]
    public void BindThatIsNoAddress_IsRefused(string bind)
    {
        var error = Assert.Throws<UserErrorException>(() => LiveEndpoint.Parse(null, bind));
        Assert.Contains("--bind", error.Message);
        Assert.Contains("expected an IP address", error.Message);
    }

    [Fact]
    public void PortInUse_IsRefusedBeforeAnythingStarts()
    {
        var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        try
        {
            var port = ((IPEndPoint)holder.LocalEndpoint).Port;
            var error = Assert.Throws<UserErrorException>(() => LiveEndpoint.Parse(port, null).RequireListenable());
            Assert.Equal($"--port {port}: expected a free port on 127.0.0.1, found it in use", error.Message);
        }
        finally
        {
            holder.Stop();
        }
    }

    [Fact]
    public void AddressOfAnotherMachine_IsRefused()
    {
        // 192.0.2.0/24 is reserved for documentation: no machine has it.
        var error = Assert.Throws<UserErrorException>(() => LiveEndpoint.Parse(18080, "192.0.2.7").RequireListenable());
        Assert.StartsWith("--bind 192.0.2.7: expected an address of this machine", error.Message);
    }
}
