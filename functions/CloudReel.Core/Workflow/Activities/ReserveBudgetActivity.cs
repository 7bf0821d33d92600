using CloudReel.Core.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>Reserves a clip's estimated cost against its film's budget before the job is sent.</summary>
public sealed class ReserveBudgetActivity(IFilmBudget budget, IHostApplicationLifetime host) : TaskActivity<BudgetReservation, BudgetDecision>
{
    public override Task<BudgetDecision> RunAsync(TaskActivityContext context, BudgetReservation input) =>
        budget.TryReserveAsync(input.FilmId, input.ContentKey, input.Amount, input.Limit, host.ApplicationStopping);
}
