using System.Collections.Frozen;
using Google.Rpc;
using Grpc.Core;

namespace Conversations.LoadTest.Measurement;

/// <summary>
/// How one operation ended: the gRPC status in the proto's spelling and the google.rpc.ErrorInfo reason, if any.
/// A refusal is an outcome like a success; only a broken load tester is a crash.
/// </summary>
public readonly record struct Outcome(string Status, string Reason)
{
    public static readonly Outcome Ok = new("OK", "");

    // Spelled once per status code, so classifying an error allocates nothing for its status.
    private static readonly FrozenDictionary<StatusCode, string> s_statusNames =
        Enum.GetValues<StatusCode>().ToFrozenDictionary(code => code, code => UpperSnake(code.ToString()));

    public bool IsOk => Equals(Ok);

    public static Outcome From(RpcException failure)
    {
        var reason = failure.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? "";
        return new Outcome(s_statusNames[failure.StatusCode], reason);
    }

    /// <summary>An HTTP answer (webhooks, the Meta simulator): any 2xx is OK; otherwise the status code names it.</summary>
    public static Outcome FromHttp(System.Net.HttpStatusCode status) =>
        (int)status is >= 200 and < 300 ? Ok : new Outcome($"HTTP_{(int)status}", status.ToString());

    /// <summary>An exception that is not a gRPC status: the transport or the load tester itself failed.</summary>
    public static Outcome FromClientFailure(Exception failure) => new("CLIENT_ERROR", failure.GetType().Name);

    public override string ToString() => Reason.Length == 0 ? Status : $"{Status} {Reason}";

    private static string UpperSnake(string name)
    {
        var snake = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                snake.Append('_');
            }

            snake.Append(char.ToUpperInvariant(name[i]));
        }

        return snake.ToString();
    }
}
