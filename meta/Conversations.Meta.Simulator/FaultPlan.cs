namespace Conversations.Meta.Simulator;

/// <summary>Injected faults waiting for matching sends, first injected first used.</summary>
public sealed class FaultPlan
{
    private readonly Lock _lock = new();
    private readonly List<(SimulatedFault Fault, int Left)> _faults = [];

    public void Add(SimulatedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Times, 1);
        lock (_lock)
        {
            _faults.Add((fault, fault.Times));
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _faults.Clear();
        }
    }

    /// <summary>Uses up one application of the first fault that applies to a send to <paramref name="to"/>.</summary>
    public SimulatedFault? Take(string to)
    {
        var waId = WaId.Of(to);
        lock (_lock)
        {
            var index = _faults.FindIndex(f => f.Fault.To is null || WaId.Of(f.Fault.To) == waId);
            if (index < 0)
            {
                return null;
            }

            var (fault, left) = _faults[index];
            if (left <= 1)
            {
                _faults.RemoveAt(index);
            }
            else
            {
                _faults[index] = (fault, left - 1);
            }

            return fault;
        }
    }
}
