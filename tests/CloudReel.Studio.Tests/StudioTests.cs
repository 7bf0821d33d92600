using System.Net.Http.Json;
using System.Text.Json;
using CloudReel.Studio.Tests.Support;

namespace CloudReel.Studio.Tests;

/// <summary>
/// The studio in headless Chromium against one `cloudreel serve`: every page and action a person uses,
/// on films of two one-second shots at 320x180 made by the animatic. Each test writes its page's
/// screenshots (desktop 1280x800 and phone 390x844) to artifacts/screenshots/.
/// </summary>
public sealed class StudioTests(StudioServer server) : IClassFixture<StudioServer>
{
    /// <summary>An order of two one-second shots at 320x180; the title is in the prompts, so each test's clips are its own (not from another test's cache).</summary>
    private static string TwoShots(string title) => $$"""
        title: {{title}}
        resolution: 180p
        model: animatic
        languages: [en, zh-CN]
        shots:
          - id: quay
            prompt: Fishing boats at the quay at dawn ({{title}})
            seconds: 1
            caption: {en: The quay at dawn, zh-CN: 黎明的码头}
          - id: lamps
            prompt: Paper lanterns along the old street ({{title}})
            seconds: 1
            caption: {en: Lanterns, zh-CN: 灯笼}
        """;

    [Fact]
    public async Task NewFilm_OrderWithAnError_ShowsTheErrorAtItsLine_AndStartsNothing()
    {
        var page = await server.OpenAsync(page: "#/new");
        var before = (await server.Client.GetStringAsync("api/films")).Length;

        await page.FillAsync("#order-text", TwoShots("Harbour Error").Replace("seconds: 1\n    caption: {en: Lanterns", "seconds: 99\n    caption: {en: Lanterns", StringComparison.Ordinal));
        await page.ClickAsync("#start");

        var error = page.Locator("ol.listing li.bad");
        await error.First.WaitForAsync();
        (await error.CountAsync()).Should().Be(1);
        (await error.GetAttributeAsync("data-line")).Should().Be("12");
        (await error.InnerTextAsync()).Should().Contain("seconds: 99").And.Contain("order.yaml:12:").And.Contain("shots[1].seconds");
        (await server.Client.GetStringAsync("api/films")).Length.Should().Be(before, "an order with errors starts no film");
        await StudioServer.ScreenshotAsync(page, "new-film-errors-desktop");
        await page.SetViewportSizeAsync(390, 844);
        await StudioServer.ScreenshotAsync(page, "new-film-errors-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NewFilm_ValidOrder_EstimatesThenStarts_AndTheFilmPageWatchesItComplete_AndPlaysThe16x9Rendition()
    {
        var page = await server.OpenAsync(page: "#/new");

        await page.FillAsync("#order-text", TwoShots("Harbour Watch"));
        await page.ClickAsync("#estimate");
        await page.Locator("#estimate-result").WaitForAsync();
        (await page.Locator("#estimate-result tbody tr").CountAsync()).Should().Be(2);
        (await page.InnerTextAsync("#estimate-total")).Should().Be("0.00 USD", "the animatic is free");
        await StudioServer.ScreenshotAsync(page, "new-film-estimate-desktop");
        await page.ClickAsync("#start");

        await page.WaitForURLAsync("**/studio/#/films/harbour-watch-*");
        await page.Locator("#film-report").WaitForAsync();
        (await page.Locator("#film-report").GetAttributeAsync("data-generated")).Should().Be("2");
        (await page.Locator(".card[data-shot] video").CountAsync()).Should().Be(2, "each storyboard card shows its clip");
        var video = page.Locator("video[data-output$='.16x9.mp4']");
        var played = await video.EvaluateAsync<double>("""
            async v => { v.muted = true; await v.play(); await new Promise(r => setTimeout(r, 600)); v.pause(); return v.currentTime; }
            """);
        played.Should().BeGreaterThan(0, "Debian's Chromium plays the H.264 rendition");
        await StudioServer.ScreenshotAsync(page, "film-desktop");
        await page.SetViewportSizeAsync(390, 844);
        await StudioServer.ScreenshotAsync(page, "film-phone");

        await page.SetViewportSizeAsync(1280, 800);
        await page.ClickAsync("nav a[href='#/films']");
        var row = page.Locator("tr[data-film^='harbour-watch-']");
        await row.WaitForAsync();
        (await row.Locator("[data-status]").GetAttributeAsync("data-status")).Should().Be("completed");
        await page.FillAsync("#film-search", "no such film");
        (await page.Locator("tr[data-film]").CountAsync()).Should().Be(0);
        await page.FillAsync("#film-search", "watch");
        (await page.Locator("tr[data-film]").CountAsync()).Should().BeGreaterThan(0);
        await page.FillAsync("#film-search", "");
        await StudioServer.ScreenshotAsync(page, "films-desktop");
        await page.SetViewportSizeAsync(390, 844);
        await StudioServer.ScreenshotAsync(page, "films-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task BatchPage_OpenedByIdFromTheFilms_WatchesBothRowsComplete_AcrossAReload_WithFilmAndReportLinks()
    {
        const string template = """
            title: "{{ town }} pier"
            resolution: 180p
            model: animatic
            variables:
              town: string
            shots:
              - id: pier
                prompt: "The old pier of {{ town }} at low tide (Batch Page)"
                seconds: 1
            """;
        var body = new { template, rows = new object[] { new { name = "whitby", town = "Whitby" }, new { name = "brixham", town = "Brixham" } }, name = "Piers", filmsAtOnce = 2 };
        var response = await server.Client.PostAsJsonAsync("api/batches", body);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var batchId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var page = await server.OpenAsync();

        await page.FillAsync("#batch-id", batchId);
        await page.PressAsync("#batch-id", "Enter");
        await page.WaitForURLAsync($"**/studio/#/batches/{batchId}");
        await page.Locator("#batch-rows tr[data-row]").First.WaitForAsync();
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#batch-rows tr[data-row][data-status=completed]').length === 2");
        await page.Locator("#batch-head [data-status='completed']").WaitForAsync();

        (await page.Locator("#batch-tally").GetAttributeAsync("data-done")).Should().Be("2");
        (await page.Locator("#cancel-batch").CountAsync()).Should().Be(0, "an ended batch has nothing to cancel");
        var keys = await page.Locator("#batch-rows tbody tr td:nth-child(2)").AllInnerTextsAsync();
        keys.Should().Equal("whitby", "brixham");
        await page.Locator("#batch-reports a[data-report='batch-report.csv']").WaitForAsync();
        var csv = await page.Locator("#batch-reports a[data-report='batch-report.csv']").GetAttributeAsync("href");
        (await server.Client.GetStringAsync(new Uri(server.Address, csv))).Should().Contain("whitby").And.Contain("brixham");
        await StudioServer.ScreenshotAsync(page, "batch-desktop");
        await page.SetViewportSizeAsync(390, 844);
        await StudioServer.ScreenshotAsync(page, "batch-phone");

        var film = page.Locator("#batch-rows tbody tr").Last.Locator("a[data-film]");
        var filmId = await film.GetAttributeAsync("data-film");
        await film.ClickAsync();
        await page.WaitForURLAsync($"**/studio/#/films/{filmId}");
        await page.Locator("#film-head [data-status='completed']").WaitForAsync();
        (await page.InnerTextAsync("#film-head h1")).Should().Contain("Brixham pier");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NewFilm_OrderFileOpenedWithThePictureItNames_IsEstimatedWithThePicture()
    {
        var folder = Directory.CreateTempSubdirectory("studio-upload-").FullName;
        var order = Path.Combine(folder, "postcard.yaml");
        await File.WriteAllTextAsync(order, "title: Postcard\nresolution: 180p\nmodel: animatic\nshots:\n  - {id: card, prompt: A postcard of the harbour, seconds: 1, image: refs/harbour.png}\n");
        var picture = Path.Combine(folder, "harbour.png");
        await File.WriteAllBytesAsync(picture, TestPicture.Png(64, 36));
        var page = await server.OpenAsync(page: "#/new");

        await page.SetInputFilesAsync("#order-file", order);
        await page.WaitForFunctionAsync("() => document.querySelector('#order-text').value.includes('Postcard')");
        await page.ClickAsync("#estimate");
        await page.Locator("#order-result .error, #order-result .errors").First.WaitForAsync();
        (await page.InnerTextAsync("#order-result")).Should().Contain("shots[0].image", "without its picture the order names a missing file");

        await page.SetInputFilesAsync("#order-assets", picture);
        await page.ClickAsync("#estimate");
        await page.Locator("#estimate-result").WaitForAsync();
        (await page.Locator("#estimate-result tbody tr").CountAsync()).Should().Be(1);
        Directory.Delete(folder, recursive: true);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task GatedFilm_ApprovedWithACommentInTheStudio_GoesOnToTheEnd()
    {
        var filmId = await server.SubmitAsync(TwoShots("Harbour Gate").Replace("model: animatic", "model: animatic\napproval: true", StringComparison.Ordinal));
        await server.WaitAsync(filmId, s => s.GetProperty("awaitingApproval").GetBoolean());
        var page = await server.OpenAsync(page: $"#/films/{filmId}");

        await page.Locator("#approve").WaitForAsync();
        (await page.Locator(".card[data-shot]").CountAsync()).Should().Be(2, "the storyboard is there to review before anything is made");
        await StudioServer.ScreenshotAsync(page, "approval-desktop");
        await page.SetViewportSizeAsync(390, 844);
        await StudioServer.ScreenshotAsync(page, "approval-phone");
        await page.FillAsync("#approve-by", "Li Na");
        await page.FillAsync("#approve-comment", "Good, go ahead");
        await page.ClickAsync("#approve");

        var status = await server.CompletedAsync(filmId);
        status.GetProperty("status").GetString().Should().Be("completed");
        await page.Locator("#film-report").WaitForAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Regenerate_OneShot_MakesOnlyThatShotAgain_TheOtherComesFromTheCache()
    {
        var filmId = await server.SubmitAsync(TwoShots("Harbour Again"));
        await server.CompletedAsync(filmId);
        var page = await server.OpenAsync(page: $"#/films/{filmId}");

        await page.ClickAsync(".card[data-shot=lamps] button.regenerate");

        await page.WaitForURLAsync(url => !url.EndsWith(filmId, StringComparison.Ordinal));
        var report = page.Locator("#film-report");
        await report.WaitForAsync();
        (await report.GetAttributeAsync("data-generated")).Should().Be("1");
        (await report.GetAttributeAsync("data-cache")).Should().Be("1");
        (await page.Locator(".card[data-shot=quay] [data-source]").GetAttributeAsync("data-source")).Should().Be("cache");
        (await page.Locator(".card[data-shot=lamps] [data-source]").GetAttributeAsync("data-source")).Should().Be("generated");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EditShot_NewPrompt_MakesThatShotWithIt()
    {
        var filmId = await server.SubmitAsync(TwoShots("Harbour Edit"));
        await server.CompletedAsync(filmId);
        var page = await server.OpenAsync(page: $"#/films/{filmId}");

        await page.ClickAsync(".card[data-shot=quay] button.edit");
        await page.FillAsync(".card[data-shot=quay] textarea[name=prompt]", "Fishing boats leaving the quay at noon");
        await page.FillAsync(".card[data-shot=quay] input[data-language=en]", "Noon at the quay");
        await StudioServer.ScreenshotAsync(page, "edit-shot-desktop");
        await page.SetViewportSizeAsync(390, 844);
        await StudioServer.ScreenshotAsync(page, "edit-shot-phone");
        await page.ClickAsync(".card[data-shot=quay] form button[type=submit]");

        await page.WaitForURLAsync(url => !url.EndsWith(filmId, StringComparison.Ordinal));
        await page.Locator("#film-report").WaitForAsync();
        (await page.InnerTextAsync(".card[data-shot=quay] .prompt")).Should().Be("Fishing boats leaving the quay at noon");
        (await page.Locator(".card[data-shot=quay] [data-source]").GetAttributeAsync("data-source")).Should().Be("generated");
        (await page.Locator(".card[data-shot=lamps] [data-source]").GetAttributeAsync("data-source")).Should().Be("cache");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ReplaceShot_WithAnUploadedPicture_MakesThatShotFromIt()
    {
        var filmId = await server.SubmitAsync(TwoShots("Harbour Picture"));
        await server.CompletedAsync(filmId);
        var page = await server.OpenAsync(page: $"#/films/{filmId}");
        var picture = Path.Combine(Path.GetTempPath(), $"studio-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(picture, TestPicture.Png(64, 36));

        await page.ClickAsync(".card[data-shot=lamps] button.replace");
        await page.SetInputFilesAsync(".card[data-shot=lamps] input[type=file]", picture);
        await page.CheckAsync(".card[data-shot=lamps] input[name=still]");
        await page.ClickAsync(".card[data-shot=lamps] form button[type=submit]");

        await page.WaitForURLAsync(url => !url.EndsWith(filmId, StringComparison.Ordinal));
        await page.Locator("#film-report").WaitForAsync();
        var newFilm = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var storyboard = JsonDocument.Parse(await server.Client.GetStringAsync($"api/films/{newFilm}/storyboard")).RootElement;
        var lamps = storyboard.GetProperty("shots").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "lamps");
        lamps.GetProperty("hasPicture").GetBoolean().Should().BeTrue();
        lamps.GetProperty("source").GetString().Should().Be("generated");
        (await page.Locator(".card[data-shot=quay] [data-source]").GetAttributeAsync("data-source")).Should().Be("cache");
        File.Delete(picture);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ReplaceShot_WithAnUploadedClip_UsesTheClipAsItIs_AtNoCost_AndTheOtherShotFromTheCache()
    {
        var filmId = await server.SubmitAsync(TwoShots("Harbour Clip"));
        await server.CompletedAsync(filmId);
        var page = await server.OpenAsync(page: $"#/films/{filmId}");
        var clip = Path.Combine(Path.GetTempPath(), $"studio-{Guid.NewGuid():N}.mp4");
        await TestClip.Mp4Async(clip);
        var before = await page.Locator(".card[data-shot=lamps] video").GetAttributeAsync("src");

        // From the keyboard: the button opens the form and its file field takes the focus.
        await page.FocusAsync(".card[data-shot=lamps] button.replace-clip");
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("document.activeElement.name")).Should().Be("clip");
        await page.SetInputFilesAsync(".card[data-shot=lamps] input[name=clip]", clip);
        await StudioServer.ScreenshotAsync(page, "replace-clip-desktop");
        await page.ClickAsync(".card[data-shot=lamps] form button[type=submit]");

        await page.WaitForURLAsync(url => !url.EndsWith(filmId, StringComparison.Ordinal));
        await page.Locator("#film-report").WaitForAsync();
        var report = page.Locator("#film-report");
        (await report.GetAttributeAsync("data-provided")).Should().Be("1");
        (await report.GetAttributeAsync("data-cache")).Should().Be("1");
        (await report.GetAttributeAsync("data-generated")).Should().Be("0");
        (await page.Locator(".card[data-shot=lamps] [data-source]").GetAttributeAsync("data-source")).Should().Be("provided");
        (await page.Locator(".card[data-shot=quay] [data-source]").GetAttributeAsync("data-source")).Should().Be("cache");
        (await page.Locator(".card[data-shot=lamps] video").GetAttributeAsync("src")).Should().NotBe(before, "the card shows the new clip");

        var newFilm = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var status = JsonDocument.Parse(await server.Client.GetStringAsync($"api/films/{newFilm}")).RootElement;
        status.GetProperty("shots").GetProperty("provided").GetInt32().Should().Be(1);
        status.GetProperty("cost").GetProperty("actual").GetDecimal().Should().Be(0);
        var storyboard = JsonDocument.Parse(await server.Client.GetStringAsync($"api/films/{newFilm}/storyboard")).RootElement;
        var lamps = storyboard.GetProperty("shots").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "lamps");
        lamps.GetProperty("model").GetString().Should().Be("own-clip");
        var played = await server.Client.GetByteArrayAsync(new Uri(server.Client.BaseAddress!, lamps.GetProperty("clipUrl").GetString()!));
        played.Should().Equal(await File.ReadAllBytesAsync(clip), "the shot's clip is the uploaded file as it is");
        File.Delete(clip);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Language_SwitchedToChinese_TranslatesThePage_AndStaysAfterAReload()
    {
        var page = await server.OpenAsync(page: "#/new");

        await page.SelectOptionAsync("#lang", "zh");

        (await page.InnerTextAsync("main h1")).Should().Be("新建影片");
        (await page.GetAttributeAsync("html", "lang")).Should().Be("zh-CN");
        await StudioServer.ScreenshotAsync(page, "new-film-zh-desktop");
        await page.SetViewportSizeAsync(390, 844);
        await StudioServer.ScreenshotAsync(page, "new-film-zh-phone");
        await page.ReloadAsync();
        await page.Locator("main h1").WaitForAsync();
        (await page.InnerTextAsync("main h1")).Should().Be("新建影片");
        (await page.InnerTextAsync("nav a[href='#/films']")).Should().Be("影片");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Language_ChineseBrowser_DefaultsToChinese()
    {
        var page = await server.OpenAsync(locale: "zh-CN");

        (await page.InnerTextAsync("main h1")).Should().Be("影片");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_TheSkipLinkComesFirst_AndTheOrderFormIsWorkedWithKeysAlone()
    {
        var page = await server.OpenAsync(page: "#/new");
        await page.EvaluateAsync("() => document.activeElement.blur()");

        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Should().Be("Skip to content");
        await page.FocusAsync("#order-file");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("order-text");
        await page.Keyboard.TypeAsync("title: Keys\nmodel: animatic\nshots:\n  - {id: a, prompt: Keys only, seconds: 1}\n");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("order-assets");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("estimate");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#estimate-result").WaitForAsync();
        (await page.Locator("#estimate-result tbody tr").CountAsync()).Should().Be(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Files_ServedWithoutAKey_UnderAPolicy_HoldNoSecret_AndTheRootLeadsToThem()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address };

        var root = await anonymous.GetAsync("");
        var index = await anonymous.GetAsync("studio/");
        var script = await anonymous.GetAsync("studio/app.js");

        root.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        root.Headers.Location!.OriginalString.Should().Be("/studio/");
        index.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        index.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'self'");
        script.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        foreach (var name in CloudReel.Api.Studio.StudioFiles.Names)
        {
            (await anonymous.GetStringAsync("studio/" + name)).Should().NotContain(StudioServer.Key);
        }

        (await anonymous.GetAsync("studio/nothing-here.js")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        (await anonymous.GetAsync("api/films")).StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized, "the page is open; the API is not");
    }
}
