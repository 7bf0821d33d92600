using System.Net;
using CloudReel.Azure.Tests.Support;
using CloudReel.Cli.Hosting;
using CloudReel.Cli.Orders;
using CloudReel.Cli.Tests.Support;
using CloudReel.Core.Intake;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;
using CloudReel.Models.Fetching;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudReel.Cli.Tests;

/// <summary>
/// Orders whose reference images are https URLs: staged through the safe fetch (a local https
/// server stands in for a CDN; a resolver maps its host to 127.0.0.1, which the test alone allows),
/// then found by the workflow's own validation.
/// </summary>
public sealed class RemoteImageStagingTests : IAsyncLifetime, IDisposable
{
    private readonly Workspace _workspace = new();
    private readonly TestCertificate _certificate = TestCertificate.Create();
    private readonly byte[] _jpeg = File.ReadAllBytes(Path.Combine(Workspace.RepositoryRoot, "samples/shanghai-clay/refs/bund.jpg"));
    private FakeHttpServer? _cdn;
    private ServiceProvider? _services;

    public async Task InitializeAsync()
    {
        _cdn = await FakeHttpServer.StartAsync((_, _) => Results.Bytes(_jpeg, "image/jpeg"), _certificate);
        var home = new CloudReelHome(Path.Combine(_workspace.Root, "home")).EnsureCreated();
        _services = EngineHost.BuildServices(home, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), _workspace.Out, NullLoggerFactory.Instance, NullAssemblyProgressSink.Instance);
    }

    public async Task DisposeAsync()
    {
        await _cdn!.DisposeAsync();
        await _services!.DisposeAsync();
    }

    [Fact]
    public async Task Stage_HttpsImage_IsFetchedContentAddressedAndValidatedByTheWorkflow()
    {
        var url = $"https://cdn.example.com:{_cdn!.BaseUri.Port}/refs/bund.jpg?v=1";
        var order = await LoadAsync(url);
        var store = _services!.GetRequiredService<IClipStore>();

        using var fetcher = Fetcher(IPAddress.Loopback);
        var orderName = await new OrderStaging(store, fetcher).StageAsync("remote-1", order.Document, order.Result.Order, order.Files, CancellationToken.None);
        var validated = await _services!.GetRequiredService<ValidateOrderActivity>()
            .RunAsync(new ActivityCallContext(nameof(ValidateOrderActivity), "remote-1"), new FilmRequest("remote-1", orderName));

        validated.Errors.Should().BeEmpty();
        var staged = validated.Order!.Shots[0].Image!;
        staged.Should().Be($"orders/remote-1/_fetched/{TestData.Sha256(_jpeg).ToLowerInvariant()}.jpg");
        await using var content = await store.OpenReadAsync(staged);
        (await TestData.ReadAllAsync(content)).Should().Equal(_jpeg);
    }

    [Fact]
    public async Task Stage_ImageHostResolvingToAPrivateAddress_FailsNamingTheFieldAndFetchesNothing()
    {
        var order = await LoadAsync($"https://cdn.example.com:{_cdn!.BaseUri.Port}/refs/bund.jpg");
        var store = _services!.GetRequiredService<IClipStore>();

        using var fetcher = Fetcher(IPAddress.Parse("192.168.10.20"));
        var stage = () => new OrderStaging(store, fetcher).StageAsync("remote-2", order.Document, order.Result.Order, order.Files, CancellationToken.None);

        (await stage.Should().ThrowAsync<OrderStagingException>()).Which.Message.Should().Contain("order.yaml: shots[0].image: ").And.Contain("192.168.10.20");
        _cdn.Requests.Should().BeEmpty();
        (await store.ListAsync("orders/remote-2/_fetched/")).Should().BeEmpty();
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _workspace.Dispose();
    }

    private async Task<OrderFile> LoadAsync(string url)
    {
        var path = _workspace.Write("order.yaml", $"title: Remote\nresolution: 180p\nshots:\n  - {{id: bund, prompt: The Bund, seconds: 1, image: '{url}'}}\n");
        var loaded = await OrderFile.LoadAsync(path, _services!.GetRequiredService<FilmIntake>(), CancellationToken.None);
        loaded.Result.Errors.Should().BeEmpty();
        return loaded;
    }

    private SafeImageFetcher Fetcher(IPAddress cdnAddress) => new(new SafeFetchOptions
    {
        Resolver = new FixedResolver(cdnAddress),
        IsAllowed = address => address.Equals(IPAddress.Loopback) || AddressPolicy.IsPublic(address),
        ConfigureHandler = handler => handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == _certificate.Certificate.GetCertHashString(),
    });

    private sealed class FixedResolver(IPAddress address) : IHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => Task.FromResult(new[] { address });
    }
}
