using CloudReel.Core.Ports;

namespace CloudReel.Workflow.Tests.Scenarios;

/// <summary>Where a scenario's films run: a workflow runtime, and the services its activities were given.</summary>
internal sealed record FilmHome(IFilmRuntime Runtime, IServiceProvider Services, Func<ValueTask> Stop);
