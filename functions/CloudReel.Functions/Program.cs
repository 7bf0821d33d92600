using Azure.Core.Serialization;
using CloudReel.Core.Workflow;
using CloudReel.Functions.Hosting;
using CloudReel.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// One JSON shape for every payload, here and in the local journal; the Durable extension maps the
// worker's serializer onto its data converter, so orchestration inputs, outputs and statuses use it too.
builder.Services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(WorkflowJson.Options));

builder.Services
    .AddCloudReelStorage(builder.Configuration)
    .AddCloudReelMedia()
    .AddCloudReelApi()
    .AddCloudReel(builder.Configuration);

builder.Build().Run();
