using Google.Rpc;
using Grpc.Core;

namespace Conversations.Cli.Output;

/// <summary>The one place that turns a failed call into stderr lines and an exit code.</summary>
public static class RefusalPrinter
{
    public static int Print(RpcException failure, Uri address, TimeSpan timeout, TextWriter error)
    {
        var status = failure.GetRpcStatus();
        if (status?.GetDetail<ErrorInfo>() is { } info)
        {
            PrintRefusal(failure.StatusCode, status.Message, info, error);
            return ExitCodes.Refused;
        }

        switch (failure.StatusCode)
        {
            case StatusCode.Unavailable:
                error.WriteLine($"cannot reach {ServerAddress.Display(address)}: {Cause(failure)}");
                error.WriteLine("Is the api running? Start it with `dotnet run --project api`, or pass --address.");
                return ExitCodes.Unreachable;
            case StatusCode.DeadlineExceeded:
                error.WriteLine($"cannot reach {ServerAddress.Display(address)}: no answer within {timeout.TotalSeconds:0} s.");
                return ExitCodes.Unreachable;
            default:
                error.WriteLine($"failed: {GrpcStatusNames.Of(failure.StatusCode)}");
                error.WriteLine(failure.Status.Detail);
                return ExitCodes.Refused;
        }
    }

    private static void PrintRefusal(StatusCode code, string message, ErrorInfo info, TextWriter error)
    {
        var whatsApp = info.Metadata.TryGetValue("whatsapp_code", out var whatsAppCode) ? $", WhatsApp code {whatsAppCode}" : "";
        error.WriteLine($"refused: {info.Reason} ({GrpcStatusNames.Of(code)}){whatsApp}");
        error.WriteLine(message);
        foreach (var (key, value) in info.Metadata.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            error.WriteLine($"  {key}={value}");
        }
    }

    /// <summary>The innermost exception says "Connection refused"; the status detail only says which layer gave up.</summary>
    private static string Cause(RpcException failure)
    {
        var cause = failure.Status.DebugException;
        while (cause?.InnerException is not null)
        {
            cause = cause.InnerException;
        }

        return cause?.Message ?? failure.Status.Detail;
    }
}
