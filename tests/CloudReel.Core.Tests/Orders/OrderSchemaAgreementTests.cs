using System.Diagnostics;
using System.Text.Json;
using CloudReel.Core.Orders;
using static CloudReel.Core.Tests.Orders.OrderTestKit;

namespace CloudReel.Core.Tests.Orders;

/// <summary>
/// The generated JSON Schema, run by a real validator (ajv, draft 2020-12), must accept and reject
/// exactly what the loader's structural validation accepts and rejects. Cases stay within what a
/// schema can see: no duplicate keys, models, files, caption widths or rules between shots.
/// </summary>
public class OrderSchemaAgreementTests
{
    private static readonly string Shots = Lines("shots:", "  - {id: a, prompt: p}");

    private static readonly (string Name, bool Valid, string Yaml)[] Cases =
    [
        ("full", true, OrderLoaderValidTests.FullYaml),
        ("minimal-brief", true, Lines("title: T", "brief: b")),
        ("script-duration", true, Lines("title: T", "script: story.fountain", "duration: 600")),
        ("transition-forms", true, Lines("title: T", "transition: cut", "shots:", "  - {id: a, prompt: p, transition: {type: wipe-up, seconds: 2}}")),
        ("budget-object", true, Lines("title: T", "budget: {limit: 100000}", "brief: b")),
        ("approval-object", true, Lines("title: T", "approval: {required: false, timeoutHours: 0.1}", "brief: b")),
        ("caption-two-lines", true, Lines("title: T", "shots:", "  - id: a", "    prompt: p", "    caption: {en: \"one\\ntwo\"}")),
        ("paths-any-case", true, Lines("title: T", "music: Music/Theme.FLAC", "logo: a/b/c/logo.WebP", "brief: b")),
        ("edges", true, Lines("title: T", "resolution: 2160p", "fps: 60", "shots:", "  - {id: a, prompt: p, seconds: 60, seed: 4294967295}")),
        ("resolution-low", true, Lines("title: T", "resolution: 144p", "brief: b")),
        ("image-https-url", true, Lines("title: T", "shots:", "  - {id: a, prompt: p, image: 'https://cdn.example.com/refs/bund.jpg?v=2'}")),
        ("image-http-url", false, Lines("title: T", "shots:", "  - {id: a, prompt: p, image: 'http://cdn.example.com/a.png'}")),
        ("image-ip-url", false, Lines("title: T", "shots:", "  - {id: a, prompt: p, image: 'https://10.0.0.1/a.png'}")),
        ("image-localhost-url", false, Lines("title: T", "shots:", "  - {id: a, prompt: p, image: 'https://localhost/a.png'}")),
        ("music-url", false, Lines("title: T", "music: 'https://cdn.example.com/a.mp3'", "brief: b")),
        ("emoji-title-120", true, Lines("title: " + string.Concat(Enumerable.Repeat("😀", 120)), "brief: b")),
        ("seconds-float-integer", true, Lines("title: T", "fps: 30.0", "brief: b")),
        ("assembler-forms", true, Lines("title: T", "aspects: ['16:9', {ratio: '9:16', loudness: -16.5, reframe: blur}]", "loudness: broadcast",
            "music: {file: m.mp3, volume: 0, fadeIn: 10, loop: false}", "logo: {file: l.png, position: bottom-left, width: 0.5, opacity: 0.1}",
            "label: {text: AI生成, show: start, seconds: 2}", "captionStyle: none", "poster: {shot: a, at: 0}", "cleanMaster: false",
            "shots:", "  - {id: a, prompt: p, focus: {x: 0, y: 1}, voiceover: vo/a.WAV, title: 上海}")),
        ("loudness-number", true, Lines("title: T", "loudness: -5", "brief: b")),
        ("own-clip-no-prompt", true, Lines("title: T", "shots:", "  - {id: a, clip: own/a.MOV, seconds: 2, caption: c}", "  - {id: b, prompt: p}")),
        ("no-prompt-no-clip", false, Lines("title: T", "shots:", "  - {id: a, seconds: 2}")),
        ("own-clip-with-model", false, Lines("title: T", "shots:", "  - {id: a, clip: a.webm, model: animatic}")),
        ("own-clip-with-image", false, Lines("title: T", "shots:", "  - {id: a, prompt: p, clip: a.mp4, image: a.png}")),
        ("own-clip-gif", false, Lines("title: T", "shots:", "  - {id: a, clip: a.gif}")),
        ("loudness-quiet", false, Lines("title: T", "loudness: -37", "brief: b")),
        ("loudness-name", false, Lines("title: T", "loudness: tv", "brief: b")),
        ("aspect-object-no-ratio", false, Lines("title: T", "aspects: [{reframe: blur}]", "brief: b")),
        ("aspect-object-extra", false, Lines("title: T", "aspects: [{ratio: '1:1', size: 2}]", "brief: b")),
        ("music-volume-high", false, Lines("title: T", "music: {file: m.mp3, volume: 1.5}", "brief: b")),
        ("music-no-file", false, Lines("title: T", "music: {volume: 0.5}", "brief: b")),
        ("logo-corner", false, Lines("title: T", "logo: {file: l.png, position: middle}", "brief: b")),
        ("label-short", false, Lines("title: T", "label: {text: AI, seconds: 1.5}", "brief: b")),
        ("caption-style", false, Lines("title: T", "captionStyle: both", "brief: b")),
        ("poster-id", false, Lines("title: T", "poster: Bund", "brief: b")),
        ("focus-range", false, Lines("title: T", "shots:", "  - {id: a, prompt: p, focus: {x: -0.1}}")),
        ("voiceover-image", false, Lines("title: T", "shots:", "  - {id: a, prompt: p, voiceover: vo.png}")),
        ("title-long", false, Lines("title: T", "shots:", $"  - {{id: a, prompt: p, title: {new string('t', 61)}}}")),
        ("unknown-key", false, Lines("title: T", "secnds: 4", "brief: b")),
        ("no-title", false, Lines("brief: b")),
        ("title-number", false, Lines("title: 1984", "brief: b")),
        ("emoji-title-121", false, Lines("title: " + string.Concat(Enumerable.Repeat("😀", 121)), "brief: b")),
        ("no-shots", false, Lines("title: T", "shots: []")),
        ("shots-and-brief", false, Lines("title: T", "brief: b", Shots)),
        ("nothing-to-film", false, Lines("title: T")),
        ("duration-with-shots", false, Lines("title: T", "duration: 30", Shots)),
        ("seconds-text", false, Lines("title: T", "shots:", "  - {id: a, prompt: p, seconds: five}")),
        ("seconds-low", false, Lines("title: T", "shots:", "  - {id: a, prompt: p, seconds: 0.5}")),
        ("seed-negative", false, Lines("title: T", "shots:", "  - {id: a, prompt: p, seed: -1}")),
        ("seed-fraction", false, Lines("title: T", "shots:", "  - {id: a, prompt: p, seed: 2.5}")),
        ("fps-29", false, Lines("title: T", "fps: 29", "brief: b")),
        ("resolution-odd", false, Lines("title: T", "resolution: 1081p", "brief: b")),
        ("resolution-high", false, Lines("title: T", "resolution: 2162p", "brief: b")),
        ("resolution-number", false, Lines("title: T", "resolution: 1080", "brief: b")),
        ("aspect-unknown", false, Lines("title: T", "aspects: ['4:3']", "brief: b")),
        ("aspect-twice", false, Lines("title: T", "aspects: ['16:9', '16:9']", "brief: b")),
        ("language-upper", false, Lines("title: T", "languages: [EN]", "brief: b")),
        ("languages-five", false, Lines("title: T", "languages: [en, de, fr, es, it]", "brief: b")),
        ("fallback-six", false, Lines("title: T", "fallback: [a, b, c, d, e, f]", "brief: b")),
        ("budget-zero", false, Lines("title: T", "budget: 0", "brief: b")),
        ("budget-no-limit", false, Lines("title: T", "budget: {currency: EUR}", "brief: b")),
        ("budget-currency", false, Lines("title: T", "budget: {limit: 5, currency: usd}", "brief: b")),
        ("approval-yes", false, Lines("title: T", "approval: yes", "brief: b")),
        ("approval-timeout", false, Lines("title: T", "approval: {timeoutHours: 0}", "brief: b")),
        ("transition-unknown", false, Lines("title: T", "transition: fade", "brief: b")),
        ("transition-no-type", false, Lines("title: T", "transition: {seconds: 1}", "brief: b")),
        ("transition-long", false, Lines("title: T", "transition: {type: dissolve, seconds: 2.5}", "brief: b")),
        ("camera-unknown", false, Lines("title: T", "shots:", "  - {id: a, prompt: p, camera: zoom}")),
        ("caption-three-lines", false, Lines("title: T", "shots:", "  - {id: a, prompt: p, caption: \"a\\nb\\nc\"}")),
        ("caption-tab", false, Lines("title: T", "shots:", "  - {id: a, prompt: p, caption: \"a\\tb\"}")),
        ("caption-key", false, Lines("title: T", "shots:", "  - {id: a, prompt: p, caption: {EN_us: hi}}")),
        ("caption-empty-map", false, Lines("title: T", "shots:", "  - {id: a, prompt: p, caption: {}}")),
        ("path-parent", false, Lines("title: T", "logo: ../logo.png", "brief: b")),
        ("path-absolute", false, Lines("title: T", "logo: /logo.png", "brief: b")),
        ("path-extension", false, Lines("title: T", "logo: logo.gif", "brief: b")),
        ("path-backslash", false, Lines("title: T", "logo: 'refs\\logo.png'", "brief: b")),
        ("path-space", false, Lines("title: T", "logo: 'my logo.png'", "brief: b")),
        ("path-url", false, Lines("title: T", "logo: 'https://x.org/logo.png'", "brief: b")),
        ("path-dot-segment", false, Lines("title: T", "logo: ./logo.png", "brief: b")),
        ("id-upper", false, Lines("title: T", "shots:", "  - {id: Bund, prompt: p}")),
        ("id-dash", false, Lines("title: T", "shots:", "  - {id: '-a', prompt: p}")),
        ("id-41", false, Lines("title: T", "shots:", $"  - {{id: {new string('a', 41)}, prompt: p}}")),
        ("prompt-empty", false, Lines("title: T", "shots:", "  - {id: a, prompt: ''}")),
        ("prompt-2001", false, Lines("title: T", "shots:", $"  - {{id: a, prompt: {new string('p', 2001)}}}")),
        ("label-41", false, Lines("title: T", $"label: {new string('l', 41)}", "brief: b")),
        ("model-empty", false, Lines("title: T", "model: ''", "brief: b")),
        ("cast-forms", true, Lines("title: T", "look: {style: clay, pictures: [look/a.png, look/b.JPG]}", "characters:",
            "  - {id: mei, name: Mei, look: a girl of eight, pictures: [cast/mei.png], voice: zh-CN-Xiaoxiao}", "  - {id: lin, name: Grandpa Lin, look: an old man}",
            "qa: {retries: 0, checks: [freeze, judge], onFail: accept, minScore: 0.7}",
            "shots:", "  - {id: a, prompt: p, cast: [mei, lin], sequence: run}", "  - {id: b, prompt: q, sequence: run}")),
        ("character-no-look", false, Lines("title: T", "characters: [{id: mei, name: Mei}]", "brief: b")),
        ("character-id-upper", false, Lines("title: T", "characters: [{id: Mei, name: Mei, look: l}]", "brief: b")),
        ("character-eight-pictures", false, Lines("title: T", "characters: [{id: mei, name: Mei, look: l, pictures: [1.png, 2.png, 3.png, 4.png, 5.png, 6.png, 7.png, 8.png]}]", "brief: b")),
        ("character-name-newline", false, Lines("title: T", "characters: [{id: mei, name: \"Mei\\nLi\", look: l}]", "brief: b")),
        ("characters-empty", false, Lines("title: T", "characters: []", "brief: b")),
        ("look-extra", false, Lines("title: T", "look: {style: s, mood: calm}", "brief: b")),
        ("cast-twice", false, Lines("title: T", "shots:", "  - {id: a, prompt: p, cast: [mei, mei]}")),
        ("sequence-upper", false, Lines("title: T", "shots:", "  - {id: a, prompt: p, sequence: Run}")),
        ("qa-retries-six", false, Lines("title: T", "qa: {retries: 6}", "brief: b")),
        ("qa-check-unknown", false, Lines("title: T", "qa: {checks: [freze]}", "brief: b")),
        ("qa-on-fail", false, Lines("title: T", "qa: {onFail: retry}", "brief: b")),
        ("voice-forms", true, Lines("title: T", "languages: [zh-CN, en]",
            "voice: {provider: azure-speech, language: zh-CN, voices: {zh-CN: zh-CN-XiaoxiaoNeural, en: en-US-AvaNeural}, rate: 0.5, pitch: -12, style: cheerful}",
            "characters: [{id: mei, name: Mei, look: l, voice: {zh-CN: zh-CN-XiaoyiNeural}}]",
            "shots:", "  - {id: a, prompt: p, narration: 外滩, dialogue: [{character: mei, line: {zh-CN: 你好, en: Hello}}]}")),
        ("voice-rate-high", false, Lines("title: T", "voice: {rate: 2.5}", "brief: b")),
        ("voice-provider-unknown", false, Lines("title: T", "voice: {provider: polly}", "brief: b")),
        ("voice-extra", false, Lines("title: T", "voice: {speed: 1}", "brief: b")),
        ("narration-tab", false, Lines("title: T", "shots:", "  - {id: a, prompt: p, narration: \"a\\tb\"}")),
        ("narration-1001", false, Lines("title: T", "shots:", $"  - {{id: a, prompt: p, narration: {new string('n', 1001)}}}")),
        ("dialogue-no-character", false, Lines("title: T", "shots:", "  - {id: a, prompt: p, dialogue: [{line: hi}]}")),
        ("character-voice-key", false, Lines("title: T", "characters: [{id: mei, name: Mei, look: l, voice: {ZH: x}}]", "brief: b")),
        ("root-list", false, Lines("- title: T")),
        ("root-null", false, Lines("---")),
    ];

    [Fact]
    public void Ajv_AndStructuralValidation_AgreeOnEveryCase()
    {
        var nodeFolder = Path.Combine(RepoRoot.Path, "tests", "node");
        if (!Directory.Exists(Path.Combine(nodeFolder, "node_modules"))) Assert.Fail("run: npm ci --prefix tests/node");
        var work = Directory.CreateTempSubdirectory("cloudreel-ajv-");
        try
        {
            var schemaPath = Path.Combine(work.FullName, "film-order.schema.json");
            File.WriteAllText(schemaPath, OrderSchema.ToJsonSchema());
            var files = Cases.Select(c => WriteAsJson(work.FullName, c.Name, c.Yaml)).ToList();

            var ajv = RunAjv(nodeFolder, schemaPath, files);

            var disagreements = Cases.Select(c =>
            {
                var loaderErrors = OrderLoader.CheckStructure(c.Yaml, c.Name + ".yaml");
                var (ajvValid, ajvErrors) = ajv[Path.Combine(work.FullName, c.Name + ".json")];
                var loaderValid = loaderErrors.Count == 0;
                return loaderValid == c.Valid && ajvValid == c.Valid
                    ? null
                    : $"{c.Name}: expected valid={c.Valid}, loader valid={loaderValid} [{string.Join(" | ", loaderErrors)}], ajv valid={ajvValid} [{ajvErrors}]";
            }).OfType<string>().ToList();
            disagreements.Should().BeEmpty();
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Templates: the schema lets editors check them (placeholders in typed fields, variables, when, repeat); as orders the loader refuses them.</summary>
    private static readonly (string Name, bool Valid, string Yaml)[] TemplateCases =
    [
        ("template-typed-placeholders", true, Lines("title: \"{{ city }}\"", "variables: {city: string, secs: {type: number, default: 3}, pic: image, on: {type: boolean, default: false}}",
            "shots:", "  - {id: \"a-{{ city }}\", prompt: p, seconds: \"{{ secs }}\", image: \"{{ pic }}\", camera: \"{{ move }}\"}",
            "  - {id: b, prompt: \"{{ item }}\", when: \"{{ on }}\", repeat: dishes}")),
        ("template-enum", true, Lines("title: T", "variables: {level: {type: enum, values: [mild, hot], default: mild, description: How hot}}", "brief: \"{{ level }}\"")),
        ("template-variable-type", false, Lines("title: T", "variables: {city: strng}", "brief: b")),
        ("template-variable-field", false, Lines("title: T", "variables: {city: {type: string, defualt: x}}", "brief: b")),
        ("template-when-number", false, Lines("title: T", "variables: {a: string}", "shots:", "  - {id: a, prompt: p, when: 5}")),
        ("template-seconds-text", false, Lines("title: T", "variables: {a: string}", "shots:", "  - {id: a, prompt: p, seconds: five}")),
    ];

    [Fact]
    public void Ajv_TemplatesAndTheSample_FollowTheSchema_WhileTheLoaderRefusesThemAsOrders()
    {
        var nodeFolder = Path.Combine(RepoRoot.Path, "tests", "node");
        if (!Directory.Exists(Path.Combine(nodeFolder, "node_modules"))) Assert.Fail("run: npm ci --prefix tests/node");
        var sample = File.ReadAllText(Path.Combine(RepoRoot.Path, "samples", "food-guide", "template.yaml"));
        var cases = TemplateCases.Append(("sample-food-guide", true, sample)).ToList();
        var work = Directory.CreateTempSubdirectory("cloudreel-ajv-");
        try
        {
            var schemaPath = Path.Combine(work.FullName, "film-order.schema.json");
            File.WriteAllText(schemaPath, OrderSchema.ToJsonSchema());
            var ajv = RunAjv(nodeFolder, schemaPath, cases.Select(c => WriteAsJson(work.FullName, c.Item1, c.Item3)).ToList());

            cases.Where(c => ajv[Path.Combine(work.FullName, c.Item1 + ".json")].Valid != c.Item2)
                .Select(c => $"{c.Item1}: expected valid={c.Item2} [{ajv[Path.Combine(work.FullName, c.Item1 + ".json")].Errors}]")
                .Should().BeEmpty();
            OrderLoader.CheckStructure(sample, "template.yaml").Should().Contain(e =>
                e.Field == "variables" && e.Message.StartsWith("'variables' belongs to templates: make one film per row of data with `cloudreel batch", StringComparison.Ordinal));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string WriteAsJson(string folder, string name, string yaml)
    {
        var problems = new OrderProblems();
        var root = YamlNodeReader.Read(yaml, problems);
        problems.Items.Should().BeEmpty($"case {name} must be plain YAML");
        var path = Path.Combine(folder, name + ".json");
        File.WriteAllText(path, OrderNodeJson.Write(root!));
        return path;
    }

    /// <summary>Runs tests/node/validate-order.mjs (no shell) and reads its verdict per file.</summary>
    private static Dictionary<string, (bool Valid, string Errors)> RunAjv(string nodeFolder, string schemaPath, IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = nodeFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(nodeFolder, "validate-order.mjs"));
        start.ArgumentList.Add(schemaPath);
        foreach (var file in files) start.ArgumentList.Add(file);

        using var node = Process.Start(start)!;
        var stderr = node.StandardError.ReadToEndAsync();
        var stdout = node.StandardOutput.ReadToEnd();
        node.WaitForExit();
        node.ExitCode.Should().BeOneOf([0, 1], $"validate-order.mjs failed: {stderr.Result}");

        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var verdict = JsonDocument.Parse(line);
            var root = verdict.RootElement;
            return (File: root.GetProperty("file").GetString()!, Valid: root.GetProperty("valid").GetBoolean(), Errors: root.GetProperty("errors").ToString());
        }).ToDictionary(v => v.File, v => (v.Valid, v.Errors));
    }
}
