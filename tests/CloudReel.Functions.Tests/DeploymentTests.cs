using System.Text.Json;
using System.Text.RegularExpressions;
using CloudReel.Azure.Inbound;
using CloudReel.Azure.Queue;
using CloudReel.Azure.Store;
using CloudReel.Core.Workflow;

namespace CloudReel.Functions.Tests;

/// <summary>The Bicep, host.json and azure.yaml agree with the code: every setting it reads is set, every role it needs is assigned.</summary>
public sealed class DeploymentTests
{
    private static readonly string FunctionAppBicep = Repository.Read("bicep/modules/function-app.bicep");
    private static readonly string MainBicep = Repository.Read("bicep/main.bicep");

    [Fact]
    public void AppSettings_EverySettingTheAppReads_IsSetByTheBicep()
    {
        var file = "functions/CloudReel.Functions/Hosting/AppSettings.cs";
        var localOnly = Repository.Matches(file, @"LocalOnly = \[(\w+)\]").Single()[0];
        var settings = Repository.Matches(file, @"public const string (\w+) = ""([^""]+)"";")
            .Where(m => m[0] != localOnly)
            .Select(m => m[1].Replace(":", "__", StringComparison.Ordinal))
            .ToList();

        settings.Should().HaveCountGreaterThan(15);
        foreach (var setting in settings)
        {
            var set = FunctionAppBicep.Contains($"name: '{setting}'", StringComparison.Ordinal) || MainBicep.Contains($"  {setting}: '", StringComparison.Ordinal);
            set.Should().BeTrue($"the app reads {setting}, so the Bicep must set it");
        }
    }

    [Fact]
    public void HostJson_NamesOnlySettingsTheBicepSets()
    {
        using var host = JsonDocument.Parse(Repository.Read("functions/CloudReel.Functions/host.json"));
        var durable = host.RootElement.GetProperty("extensions").GetProperty("durableTask");

        // The Durable extension's default backend, Azure Storage, on the app's own identity-based storage connection.
        var connection = durable.GetProperty("storageProvider").GetProperty("connectionName").GetString();
        connection.Should().Be("AzureWebJobsStorage");
        FunctionAppBicep.Should().Contain($"name: '{connection}__credential', value: 'managedidentity'")
            .And.Contain($"name: '{connection}__tableServiceUri'", "the Azure Storage backend keeps instances and history in tables");
        durable.GetProperty("hubName").GetString().Should().Be("%TASKHUB_NAME%");
        FunctionAppBicep.Should().Contain("name: 'TASKHUB_NAME'");
    }

    [Theory]
    [InlineData("storageBlobDataOwner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "the clip store, SAS delegation keys and the host's storage")]
    [InlineData("storageQueueDataContributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "the assembly queue and its poison queue")]
    [InlineData("storageTableDataContributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "the host's diagnostic events")]
    [InlineData("durableTaskDataContributor", "0ad04412-c4d5-4796-b79c-f76d14c8d402", "the orchestrations")]
    [InlineData("eventGridDataSender", "d5a91429-5739-47e2-a06b-3470a27159e7", "film events")]
    [InlineData("cognitiveServicesOpenAIUser", "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", "Sora and the planner")]
    [InlineData("keyVaultSecretsUser", "4633458b-17de-408a-b874-0445c86b69e6", "Key Vault references")]
    [InlineData("acrPull", "7f951dda-4ed3-4680-a7ca-43fe172d538d", "the assembler image")]
    public void Rbac_EveryRoleTheAppNeeds_IsAssignedToItsIdentity(string role, string id, string why)
    {
        var rbac = Repository.Read("bicep/modules/rbac.bicep");
        var direct = Regex.IsMatch(rbac, $@"roles\.{role}\)\s*\n\s*principalId: identityPrincipalId", RegexOptions.Multiline);
        var storageList = Regex.Match(rbac, @"var storageRoles = \[(.*?)\]", RegexOptions.Singleline).Groups[1].Value;
        var throughStorageLoop = storageList.Contains($"roles.{role}\n", StringComparison.Ordinal)
            && Regex.IsMatch(rbac, @"for role in storageRoles: \{.*?principalId: identityPrincipalId", RegexOptions.Singleline);

        rbac.Should().Contain($"{role}: '{id}'", why);
        (direct || throughStorageLoop).Should().BeTrue($"the app's identity must hold {role} for {why}");
    }

    [Fact]
    public void Rbac_EveryAssignment_IsNamedByGuidOfScopePrincipalAndRole() =>
        Regex.Matches(Repository.Read("bicep/modules/rbac.bicep"), @"name: (.+)\n\s*scope:").Select(m => m.Groups[1].Value)
            .Should().HaveCountGreaterThan(8).And.OnlyContain(name => name.StartsWith("guid(", StringComparison.Ordinal));

    [Fact]
    public void Storage_MakesTheClipStoresContainersAndTheAssemblyQueue_WithSharedKeysOff()
    {
        var storage = Repository.Read("bicep/modules/storage.bicep");

        foreach (var container in BlobContainers.Default.All) storage.Should().Contain($"'{container}'");
        storage.Should().Contain($"param assemblyQueueName string = '{AssemblyJobQueue.DefaultQueueName}'").And.Contain("'${assemblyQueueName}-poison'");
        storage.Should().Contain("allowSharedKeyAccess: false");
    }

    [Fact]
    public void EventSubscriptions_FilterExactlyWhatTheInboundParserRecognises()
    {
        var events = Repository.Read("bicep/modules/event-subscriptions.bicep");

        events.Should().Contain($"'/blobServices/default/containers/orders/blobs/{InboundEventParser.IncomingFolder}'");
        events.Should().Contain($"subjectEndsWith: '/{AssemblyJobMessage.ResultFileName}'");
        events.Should().Contain("'${functionAppId}/functions/OnStorageEvent'");
        Repository.Read("functions/CloudReel.Functions/Events/EventFunctions.cs").Should().Contain("[Function(\"OnStorageEvent\")]");
    }

    [Fact]
    public void AssemblerJob_ScalesOnTheAssemblyQueueAndRunsTheQueueModeOfAssemble()
    {
        var job = Repository.Read("bicep/modules/assembler-job.bicep");

        job.Should().Contain("type: 'azure-queue'").And.Contain("queueName: assemblyQueueName").And.Contain("identity: identityId");
        job.Should().Contain("'--queue'").And.Contain("'--store'");
        Repository.Read("functions/CloudReel.Cli/Commands/AssembleCommand.cs").Should().Contain("\"--queue\"");
    }

    [Fact]
    public void AzureYaml_ServicesAreTheTaggedResources()
    {
        var azure = Repository.Read("azure.yaml");
        var services = Regex.Matches(azure, @"^  (\w+):\n    project:", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        services.Should().BeEquivalentTo("api", "assembler");
        FunctionAppBicep.Should().Contain("'azd-service-name': 'api'");
        Repository.Read("bicep/modules/assembler-job.bicep").Should().Contain("'azd-service-name': 'assembler'");
        azure.Should().Contain("path: ./infra/assembler/Dockerfile");
        File.Exists(Path.Combine(Repository.Root, "infra/assembler/Dockerfile")).Should().BeTrue();
    }

    [Fact]
    public void MainParameters_EveryParameterMapsToAParameterOfMain()
    {
        using var parameters = JsonDocument.Parse(Repository.Read("bicep/main.parameters.json"));

        foreach (var parameter in parameters.RootElement.GetProperty("parameters").EnumerateObject())
        {
            MainBicep.Should().MatchRegex($@"param {parameter.Name} \w+");
        }
    }
}
