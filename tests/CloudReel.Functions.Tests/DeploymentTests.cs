using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using CloudReel.Api;
using CloudReel.Azure.Inbound;
using CloudReel.Azure.Queue;
using CloudReel.Azure.Storage;
using CloudReel.Azure.Store;
using CloudReel.Core.Workflow;
using CloudReel.Functions.Events;
using CloudReel.Functions.Hosting;
using YamlDotNet.RepresentationModel;

namespace CloudReel.Functions.Tests;

/// <summary>
/// The deployment agrees with the app: every setting it reads is set and nothing else, host.json and
/// local.settings.json name what the Bicep provides, every role is assigned, and Event Grid delivers
/// to the queue the function reads. There is no Bicep compiler here (bicep-lite checks the files'
/// shape in tests/run.sh), so the Bicep is read as text; host.json, local.settings.json, azure.yaml
/// and the parameters file are parsed, and the app's side comes from its code.
/// </summary>
public sealed class DeploymentTests
{
    private static readonly string FunctionAppBicep = Repository.Read("bicep/modules/function-app.bicep");
    private static readonly string MainBicep = Repository.Read("bicep/main.bicep");
    private static readonly string RbacBicep = Repository.Read("bicep/modules/rbac.bicep");

    /// <summary>Every AppSettings constant, as an app setting name ("__" between sections).</summary>
    private static readonly IReadOnlyList<string> AppReads = typeof(AppSettings)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Select(AppSettingName)
        .ToList();

    private static readonly IReadOnlyList<string> LocalOnly = AppSettings.LocalOnly.Select(AppSettingName).ToList();

    [Fact]
    public void AppSettings_EverySettingTheAppReads_IsSetByTheBicep()
    {
        var bicepSets = SettingsTheBicepSets();

        AppReads.Should().HaveCountGreaterThan(15);
        foreach (var setting in AppReads.Except(LocalOnly))
        {
            var set = bicepSets.Contains(setting) || MainBicep.Contains($"  {setting}: '", StringComparison.Ordinal);
            set.Should().BeTrue($"the app reads {setting}, so the Bicep must set it");
        }
    }

    [Fact]
    public void FunctionAppBicep_SetsOnlySettingsTheAppOrThePlatformReads()
    {
        var platform = SettingsTheBicepSets().Where(s => !AppReads.Contains(s));

        platform.Should().OnlyContain(
            s => s.StartsWith("AzureWebJobsStorage__", StringComparison.Ordinal) || s.StartsWith("APPLICATIONINSIGHTS_", StringComparison.Ordinal),
            "a setting nobody reads is left over from something removed (the Functions host reads AzureWebJobsStorage, the platform APPLICATIONINSIGHTS_*)");
        AppReads.Except(LocalOnly).Should().NotContain(LocalOnly);
    }

    [Fact]
    public void HostJson_KeepsDurableTaskOnTheAzureStorageBackendOfTheAppsOwnStorage()
    {
        using var host = JsonDocument.Parse(Repository.Read("functions/CloudReel.Functions/host.json"));
        var durable = host.RootElement.GetProperty("extensions").GetProperty("durableTask");
        var provider = durable.GetProperty("storageProvider");

        // No "type": the extension's default backend, Azure Storage (any other type needs a package we do not build with).
        provider.EnumerateObject().Select(p => p.Name).Should().Equal("connectionName");
        var connection = provider.GetProperty("connectionName").GetString()!;
        connection.Should().Be("AzureWebJobsStorage");
        SettingsTheBicepSets().Should().Contain(
            [$"{connection}__credential", $"{connection}__blobServiceUri", $"{connection}__queueServiceUri", $"{connection}__tableServiceUri"],
            "the backend keeps its leases in blobs, its messages in queues and instances and history in tables, by identity");
        FunctionAppBicep.Should().Contain($"name: '{connection}__credential', value: 'managedidentity'");
        durable.GetProperty("hubName").GetString().Should().Be($"%{AppSettings.TaskHub}%");
    }

    [Fact]
    public void HostJson_QueueTriggersDecodeBase64_AsEventGridAndTheAssemblyQueueWriteMessages()
    {
        using var host = JsonDocument.Parse(Repository.Read("functions/CloudReel.Functions/host.json"));
        var queues = host.RootElement.GetProperty("extensions").GetProperty("queues");

        queues.GetProperty("messageEncoding").GetString().Should().Be("base64");
        queues.GetProperty("maxDequeueCount").GetInt32().Should().Be(new AssemblyJobQueue(StorageAccount.FromConnectionString("UseDevelopmentStorage=true").Queues, null!).MaxDequeueCount, "both sides give a message the same tries");
    }

    [Fact]
    public void HostJson_PrefixesRoutesWithApi_AsTheApiRoutesExpect()
    {
        using var host = JsonDocument.Parse(Repository.Read("functions/CloudReel.Functions/host.json"));

        host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString().Should().Be("api");
        ApiRoutes.All.Should().OnlyContain(r => r.Pattern.StartsWith("/api/", StringComparison.Ordinal));
    }

    [Fact]
    public void LocalSettings_RunTheAppOnAzuriteAlone_WithOnlySettingsTheAppOrTheHostReads()
    {
        using var local = JsonDocument.Parse(Repository.Read("functions/CloudReel.Functions/local.settings.json"));
        var values = local.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());

        values["AzureWebJobsStorage"].Should().Be("UseDevelopmentStorage=true", "the host, the queue triggers and Durable Task's Azure Storage backend all run on Azurite");
        values["FUNCTIONS_WORKER_RUNTIME"].Should().Be("dotnet-isolated");
        values[AppSettingName(AppSettings.StorageConnectionString)].Should().Be("UseDevelopmentStorage=true");
        values.Should().ContainKey(AppSettings.TaskHub);
        values.Keys.Should().OnlyContain(k => k == "AzureWebJobsStorage" || k == "FUNCTIONS_WORKER_RUNTIME" || AppReads.Contains(k));
    }

    [Theory]
    [InlineData("storageBlobDataOwner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "identityPrincipalId", "storage", "the clip store, SAS delegation keys, the host's storage and Durable Task's leases")]
    [InlineData("storageQueueDataContributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "identityPrincipalId", "storage", "Durable Task's queues, the assembly queue and the queue triggers")]
    [InlineData("storageTableDataContributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "identityPrincipalId", "storage", "Durable Task's instance and history tables")]
    [InlineData("eventGridDataSender", "d5a91429-5739-47e2-a06b-3470a27159e7", "identityPrincipalId", "eventTopic", "film events")]
    [InlineData("cognitiveServicesOpenAIUser", "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", "identityPrincipalId", "openAI", "Sora and the planner")]
    [InlineData("keyVaultSecretsUser", "4633458b-17de-408a-b874-0445c86b69e6", "identityPrincipalId", "vault", "Key Vault references")]
    [InlineData("acrPull", "7f951dda-4ed3-4680-a7ca-43fe172d538d", "identityPrincipalId", "registry", "the assembler image")]
    [InlineData("storageQueueDataMessageSender", "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a", "eventSourcePrincipalId", "storage", "Event Grid's delivery to the storage-events queue")]
    [InlineData("storageBlobDataContributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe", "eventSourcePrincipalId", "deadLetters", "Event Grid's dead letters")]
    public void Rbac_EveryRoleTheAppAndEventGridNeed_IsAssignedToTheirIdentity(string role, string id, string principal, string scope, string why)
    {
        RbacBicep.Should().Contain($"{role}: '{id}'", why);
        Assignments().Should().Contain((role, principal, scope), $"{principal} must hold {role} on {scope} for {why}");
    }

    [Fact]
    public void Rbac_EveryAssignment_IsNamedByGuidOfScopePrincipalAndRole()
    {
        var assignments = Regex.Matches(RbacBicep, @"name: (.+)\n\s*scope: (\w+)").Select(m => (Name: m.Groups[1].Value, Scope: m.Groups[2].Value)).ToList();

        assignments.Should().HaveCountGreaterThan(8);
        assignments.Should().OnlyContain(a => a.Name.StartsWith($"guid({a.Scope}.id, ", StringComparison.Ordinal));
    }

    [Fact]
    public void Storage_MakesTheContainersAndQueuesTheAppAndEventGridUse_WithSharedKeysOff()
    {
        var storage = Repository.Read("bicep/modules/storage.bicep");

        foreach (var container in BlobContainers.Default.All) storage.Should().Contain($"'{container}'");
        storage.Should().Contain($"param assemblyQueueName string = '{AssemblyJobQueue.DefaultQueueName}'").And.Contain("'${assemblyQueueName}-poison'");
        storage.Should().Contain($"param storageEventsQueueName string = '{EventFunctions.StorageEventsQueue}'").And.Contain("name: storageEventsQueueName");
        storage.Should().Contain("param eventDeadLetterContainerName string = '").And.Contain("[deploymentContainerName, eventDeadLetterContainerName]");
        storage.Should().Contain("allowSharedKeyAccess: false");
    }

    [Fact]
    public void EventSubscriptions_DeliverExactlyWhatTheInboundParserRecognises_ToTheStorageEventsQueue()
    {
        var events = Repository.Read("bicep/modules/event-subscriptions.bicep");

        events.Should().Contain($"'/blobServices/default/containers/orders/blobs/{InboundEventParser.IncomingFolder}'");
        events.Should().Contain($"subjectEndsWith: '/{AssemblyJobMessage.ResultFileName}'");
        events.Should().Contain("'Microsoft.Storage.BlobCreated'").And.Contain("eventDeliverySchema: 'EventGridSchema'");
        events.Should().Contain("deliveryWithResourceIdentity: {").And.Contain("endpointType: 'StorageQueue'").And.Contain("queueName: queueName");
        events.Should().Contain("deadLetterWithResourceIdentity: {").And.Contain("endpointType: 'StorageBlob'").And.Contain("blobContainerName: deadLetterContainerName");
        events.Should().Contain("type: 'SystemAssigned'", "delivery signs in as the system topic's identity: the account has no keys");
        Repository.Read("bicep/modules/event-source.bicep").Should().Contain("identity: {\n    type: 'SystemAssigned'\n  }");

        var module = Module("eventSubscriptions");
        module.Should().Contain("queueName: storage.outputs.storageEventsQueueName").And.Contain("dependsOn: [rbac]",
            "the topic's identity holds its roles before anything is delivered");
        Repository.Read("bicep/modules/storage.bicep").Should().Contain("output storageEventsQueueName string = storageEventsQueue.name");
    }

    [Fact]
    public void AssemblerJob_ScalesOnTheAssemblyQueueAndRunsTheQueueModeOfAssemble()
    {
        var job = Repository.Read("bicep/modules/assembler-job.bicep");

        job.Should().Contain("type: 'azure-queue'").And.Contain("queueName: assemblyQueueName").And.Contain("identity: identityId");
        job.Should().Contain("'--queue'").And.Contain("'--store'");
    }

    [Fact]
    public void AzureYaml_ServicesAreTheTaggedResources_AndEveryPathAndHookScriptExists()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(Repository.Read("azure.yaml")));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var services = (YamlMappingNode)root["services"];

        services.Children.Keys.Select(k => k.ToString()).Should().BeEquivalentTo("api", "assembler");
        var api = (YamlMappingNode)services["api"];
        api["project"].ToString().Should().Be("./functions/CloudReel.Functions");
        api["host"].ToString().Should().Be("function");
        FunctionAppBicep.Should().Contain("'azd-service-name': 'api'");
        Repository.Read("bicep/modules/assembler-job.bicep").Should().Contain("'azd-service-name': 'assembler'");
        File.Exists(Path.Combine(Repository.Root, ((YamlMappingNode)services["assembler"])["docker"]["path"].ToString())).Should().BeTrue();

        foreach (var (directory, hooks) in Hooks(root, services))
        {
            foreach (var script in hooks)
            {
                File.Exists(Path.GetFullPath(Path.Combine(Repository.Root, directory, script))).Should().BeTrue($"the hook runs {script} from {directory}");
            }
        }
    }

    [Fact]
    public void MainParameters_MapOntoMainsParameters_AndEveryRequiredOneIsGiven()
    {
        using var parameters = JsonDocument.Parse(Repository.Read("bicep/main.parameters.json"));
        var given = parameters.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToList();
        var declared = Regex.Matches(MainBicep, @"^param (\w+) \w+( = )?", RegexOptions.Multiline).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Success);

        declared.Keys.Should().Contain(given);
        declared.Where(p => !p.Value).Select(p => p.Key).Should().BeSubsetOf(given, "a parameter without a default must come from the azd environment");
    }

    [Fact]
    public void Main_DeploysEveryModuleFile()
    {
        var used = Regex.Matches(MainBicep, @"'modules/([\w-]+\.bicep)'").Select(m => m.Groups[1].Value);

        Directory.GetFiles(Path.Combine(Repository.Root, "bicep", "modules"), "*.bicep").Select(Path.GetFileName)
            .Should().BeEquivalentTo(used, "a module main does not use is left over from something removed");
    }

    private static string AppSettingName(string configurationKey) => configurationKey.Replace(":", "__", StringComparison.Ordinal);

    private static HashSet<string> SettingsTheBicepSets() =>
        Regex.Matches(FunctionAppBicep, @"\{ name: '([^']+)', value: ").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Each role assignment of rbac.bicep as (role, principal, scope), a loop over a list of roles unrolled.</summary>
    private static IReadOnlyList<(string Role, string Principal, string Scope)> Assignments()
    {
        var lists = Regex.Matches(RbacBicep, @"var (\w+) = \[(.*?)\]", RegexOptions.Singleline)
            .ToDictionary(m => m.Groups[1].Value, m => Regex.Matches(m.Groups[2].Value, @"roles\.(\w+)").Select(r => r.Groups[1].Value).ToList());
        var assignments = new List<(string, string, string)>();
        foreach (var block in RbacBicep.Split("\nresource ").Where(b => b.Contains("'Microsoft.Authorization/roleAssignments@", StringComparison.Ordinal)))
        {
            var scope = Regex.Match(block, @"\n\s*scope: (\w+)").Groups[1].Value;
            var principal = Regex.Match(block, @"\n\s*principalId: (\w+)").Groups[1].Value;
            var loop = Regex.Match(block, @"for role in (\w+):");
            var roles = loop.Success ? lists[loop.Groups[1].Value] : [Regex.Match(block, @"roleDefinitions', roles\.(\w+)\)").Groups[1].Value];
            assignments.AddRange(roles.Select(role => (role, principal, scope)));
        }

        return assignments;
    }

    /// <summary>The body of a module declaration in main.bicep.</summary>
    private static string Module(string name) =>
        Regex.Match(MainBicep, $@"^module {name} '[^']+' = \{{\n(.*?)\n\}}", RegexOptions.Singleline | RegexOptions.Multiline).Groups[1].Value;

    /// <summary>The scripts each azd hook runs (the first word of its run line), with the folder it runs in.</summary>
    private static IEnumerable<(string Directory, IReadOnlyList<string> Scripts)> Hooks(YamlMappingNode root, YamlMappingNode services)
    {
        static IReadOnlyList<string> ScriptsOf(YamlNode hooks) => hooks.AllNodes.OfType<YamlMappingNode>()
            .Where(n => n.Children.ContainsKey("run"))
            .Select(n => n["run"].ToString().Split(' ')[0])
            .ToList();

        if (root.Children.TryGetValue("hooks", out var rootHooks)) yield return (".", ScriptsOf(rootHooks));
        foreach (var service in services.Children.Values.Cast<YamlMappingNode>())
        {
            if (service.Children.TryGetValue("hooks", out var hooks)) yield return (service["project"].ToString(), ScriptsOf(hooks));
        }
    }
}
