using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CloudReel.Api.Tests.Support;

namespace CloudReel.Api.Tests;

/// <summary>An order with thousands of errors is answered with the first hundred and a count, not a body of megabytes.</summary>
public sealed class ErrorCapTests : IAsyncLifetime
{
    private ApiServer _server = null!;

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Submit_OrderWithThousandsOfErrors_ListsTheFirstHundredAndCountsAll()
    {
        var order = new StringBuilder("title: Many\nmodel: mock\nshots:\n");
        for (var i = 0; i < 1500; i++) order.Append("  - {id: BAD, prompt: '', seconds: 999}\n");

        var response = await _server.Client.PostAsync("api/films", ApiServer.Yaml(order.ToString()));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetArrayLength().Should().Be(100);
        problem.GetProperty("errorCount").GetInt32().Should().BeGreaterThan(3000);
        problem.GetProperty("detail").GetString().Should().StartWith(problem.GetProperty("errorCount").GetInt32() + " error(s)");
    }
}
