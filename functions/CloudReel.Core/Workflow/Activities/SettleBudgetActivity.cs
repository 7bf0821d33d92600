using CloudReel.Core.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>Settles a clip's reservation at its real cost once its attempt is over.</summary>
public sealed class SettleBudgetActivity(IFilmBudget budget, IHostApplicationLifetime host) : TaskActivity<BudgetSettlement, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, BudgetSettlement input)
    {
        await budget.SettleAsync(input.FilmId, input.ContentKey, input.Actual, host.ApplicationStopping);
        return true;
    }
}
