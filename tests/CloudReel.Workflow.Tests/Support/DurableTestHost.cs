using System.Net;
using System.Net.Sockets;
using CloudReel.Core.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Workflow.Tests.Support;

/// <summary>
/// Durable Task's in-process test host (its gRPC sidecar and a real worker) on a free loopback port,
/// with the workflow's JSON shape as the data converter of both its worker and its client.
/// </summary>
internal static class DurableTestHost
{
    public static Task<DurableTaskTestHost> StartAsync(Action<DurableTaskRegistry> tasks, Action<IServiceCollection>? services = null) =>
        DurableTaskTestHost.StartAsync(tasks, new DurableTaskTestHostOptions
        {
            Port = FreePort(),
            ConfigureServices = collection =>
            {
                collection.AddSingleton(WorkflowJson.DataConverter);
                services?.Invoke(collection);
            },
        });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
