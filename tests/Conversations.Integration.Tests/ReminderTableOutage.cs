using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Integration.Tests;

/// <summary>
/// The reminder table failing one registration, as it does while Redis restarts: the next upsert throws, everything else
/// reaches the production table (Redis) underneath.
/// </summary>
public sealed class ReminderTableOutage
{
    private int _failNext;

    public void FailNextRegistration() => Interlocked.Exchange(ref _failNext, 1);

    /// <summary>Wraps the reminder table the production wiring registered; call after it.</summary>
    public void Install(ISiloBuilder silo)
    {
        var production = silo.Services.Last(d => d.ServiceType == typeof(IReminderTable));
        silo.Services.Remove(production);
        silo.Services.AddSingleton<IReminderTable>(services => new Failing(Create(services, production), this));
    }

    private static IReminderTable Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IReminderTable)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    private sealed class Failing(IReminderTable table, ReminderTableOutage outage) : IReminderTable
    {
        public Task StartAsync(CancellationToken cancellationToken = default) => table.StartAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken = default) => table.StopAsync(cancellationToken);

        public Task<ReminderTableData> ReadRows(GrainId grainId) => table.ReadRows(grainId);

        public Task<ReminderTableData> ReadRows(uint begin, uint end) => table.ReadRows(begin, end);

        public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => table.ReadRow(grainId, reminderName);

        public Task<string?> UpsertRow(ReminderEntry entry) =>
            Interlocked.Exchange(ref outage._failNext, 0) == 1
                ? Task.FromException<string?>(new TimeoutException("The reminder table did not answer (test outage)."))
                : table.UpsertRow(entry);

        public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => table.RemoveRow(grainId, reminderName, eTag);

        public Task TestOnlyClearTable() => table.TestOnlyClearTable();
    }
}
