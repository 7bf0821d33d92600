using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudReel.Cli.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace CloudReel.Studio.Tests.Support;

/// <summary>
/// One `cloudreel serve` for a test class (the host the command starts: local engine, FFmpeg, the animatic,
/// Kestrel on a free 127.0.0.1 port, the studio), and Debian's headless Chromium driven by Playwright.
/// </summary>
public sealed class StudioServer : IAsyncLifetime
{
    public const string Key = "studio-key-31c9";

    /// <summary>Debian's Chromium, installed by infra/scripts/install-test-tools.sh; never a downloaded browser.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "cloudreel-studio", Guid.NewGuid().ToString("N")[..12]);
    private ServeHost _host = null!;
    private IPlaywright _playwright = null!;

    public Uri Address => _host.Address;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Script errors any page raised (none is expected).</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> PageErrors { get; } = [];

    /// <summary>Sends the API key: sets up films the browser then works on.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>Where the tests write screenshots for a reviewer: artifacts/screenshots/ in the repository.</summary>
    public static string Screenshots { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        var home = Path.Combine(_root, "home");
        Directory.CreateDirectory(home);
        await File.WriteAllTextAsync(Path.Combine(home, "appsettings.json"), "{\"Api\": {\"Key\": \"" + Key + "\"}}");
        var context = new CliContext(new CloudReelHome(home), verbose: false, plain: true, null);
        _host = await ServeHost.StartAsync(context, IPAddress.Loopback, 0, Path.Combine(_root, "out"), NullLoggerFactory.Instance, CancellationToken.None);
        Client = new HttpClient { BaseAddress = _host.Address, Timeout = TimeSpan.FromMinutes(2) };
        Client.DefaultRequestHeaders.Add("x-api-key", Key);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>A fresh tab (its own sessionStorage) at the given size, on the studio, with the key typed in.</summary>
    public async Task<IPage> OpenAsync(int width = 1280, int height = 800, string page = "#/films", string? locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = locale });
        context.SetDefaultTimeout(90_000);
        var tab = await context.NewPageAsync();
        tab.PageError += (_, error) => PageErrors.Add(error);
        await tab.GotoAsync(new Uri(Address, "studio/" + page).AbsoluteUri);
        await tab.FillAsync("#key-input", Key);
        await tab.ClickAsync("#key-form button[type=submit]");
        try
        {
            await tab.WaitForSelectorAsync("main[data-loaded=true]");
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"The studio never drew {page}; script errors: {string.Join(" | ", PageErrors)}", timeout);
        }

        return tab;
    }

    /// <summary>Writes the page as artifacts/screenshots/NAME.png.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    /// <summary>Sends an order (YAML) to the API and returns the new film's id.</summary>
    public async Task<string> SubmitAsync(string yaml)
    {
        var response = await Client.PostAsync("api/films", new StringContent(yaml, System.Text.Encoding.UTF8, "application/yaml"));
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Polls the film's status until it says so.</summary>
    public async Task<JsonElement> WaitAsync(string filmId, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var status = await Client.GetFromJsonAsync<JsonElement>($"api/films/{filmId}");
            if (done(status)) return status;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Film {filmId}: {status}");
            await Task.Delay(250);
        }
    }

    public Task<JsonElement> CompletedAsync(string filmId) => WaitAsync(filmId, s => s.GetProperty("status").GetString() is "completed" or "failed" or "cancelled");

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A film still writing; the temp folder is cleaned by the system.
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CloudReel.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("CloudReel.sln not found above " + AppContext.BaseDirectory);
    }
}
