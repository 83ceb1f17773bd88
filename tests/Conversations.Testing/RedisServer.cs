using Conversations.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Conversations.Testing;

/// <summary>
/// A real redis-server child process on a free loopback port, owned by one test fixture: started on demand, restartable
/// on the same port and data directory, and killed (with its whole process tree) and cleaned up on dispose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable, IDisposable
{
    public const string NotFoundMessage = "redis-server not found: run ./test.sh (installs it) or apt-get install redis-server";

    private static int PortAttempts => 5;

    private static TimeSpan DefaultStartTimeout => TimeSpan.FromSeconds(15);

    private readonly string _executable;
    private readonly TimeSpan _startTimeout;
    private readonly OutputTail _output = new();
    private Process? _process;
    private bool _disposed;

    private RedisServer(string executable, string directory, bool appendOnly, TimeSpan startTimeout)
    {
        _executable = executable;
        DataDirectory = directory;
        AppendOnly = appendOnly;
        _startTimeout = startTimeout;
    }

    public int Port { get; private set; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>The server's working directory; it holds the append-only file when <see cref="AppendOnly"/> is on.</summary>
    public string DataDirectory { get; }

    /// <summary>Whether writes are logged to an append-only file, so a restart keeps them (for failure tests).</summary>
    public bool AppendOnly { get; }

    /// <summary>Starts redis-server on a free port and returns once it answers PING.</summary>
    public static async Task<RedisServer> Start(bool appendOnly = false, TimeSpan? startTimeout = null)
    {
        var executable = FindExecutable();
        var directory = Directory.CreateTempSubdirectory("conversations-redis-").FullName;
        var server = new RedisServer(executable, directory, appendOnly, startTimeout ?? DefaultStartTimeout);
        try
        {
            await server.StartOnFreePort();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the server (no graceful save) and starts it again on the same port and directory.</summary>
    public async Task Restart()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Kill();

        // The kernel may hold the port for a moment after the kill; redis then exits with "Address already in use".
        for (var attempt = 1; ; attempt++)
        {
            var started = await TryStart(Port);
            if (started.Ready)
            {
                return;
            }

            if (!started.PortInUse || attempt == PortAttempts)
            {
                throw started.Failure!;
            }

            await Task.Delay(200 * attempt);
        }
    }

    /// <summary>Kills the server (no graceful save), as a crash would; <see cref="Restart"/> brings it back on the same port.</summary>
    public void Stop()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Kill();
    }

    /// <summary>Freezes the server (SIGSTOP): connections stay open and nothing answers, as with a hung Redis or a partition.</summary>
    public Task Pause() => Signal("-STOP");

    /// <summary>Lets a paused server go on (SIGCONT).</summary>
    public Task Resume() => Signal("-CONT");

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Kill();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory must not fail the test run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public override string ToString() => $"redis-server pid {_process?.Id} on {ConnectionString} in {DataDirectory}";

    private async Task StartOnFreePort()
    {
        for (var attempt = 1; ; attempt++)
        {
            var started = await TryStart(Testing.FreePort.Next());
            if (started.Ready)
            {
                return;
            }

            // Another process may take the port between releasing the probe listener and redis binding it.
            if (!started.PortInUse || attempt == PortAttempts)
            {
                throw started.Failure!;
            }
        }
    }

    private async Task<StartAttempt> TryStart(int port)
    {
        Port = port;
        _output.Clear();
        var startInfo = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = DataDirectory,
        };
        foreach (var argument in Arguments(port))
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => _output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => _output.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException(NotFoundMessage, e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < _startTimeout)
        {
            if (process.HasExited)
            {
                process.WaitForExit(); // flushes the asynchronous output readers
                var output = _output.Text;
                var failure = new InvalidOperationException(
                    $"redis-server exited with code {process.ExitCode} before accepting connections on port {port}. Output:{Environment.NewLine}{output}");
                Kill();
                return new StartAttempt(false, output.Contains("Address already in use", StringComparison.OrdinalIgnoreCase), failure);
            }

            if (await AnswersPing(port))
            {
                return new StartAttempt(true, false, null);
            }

            await Task.Delay(50);
        }

        Kill();
        return new StartAttempt(
            false,
            false,
            new TimeoutException($"redis-server did not answer PING on port {port} within {_startTimeout.TotalSeconds:0}s. Output:{Environment.NewLine}{_output.Text}"));
    }

    private IEnumerable<string> Arguments(int port)
    {
        string[] arguments = ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--daemonize", "no", "--dir", DataDirectory];
        // fsync on every write: a killed server then keeps everything it acknowledged, so failure tests are deterministic.
        return AppendOnly
            ? [.. arguments, "--appendonly", "yes", "--appendfsync", "always"]
            : [.. arguments, "--appendonly", "no"];
    }

    private static async Task<bool> AnswersPing(int port)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);

            // While loading its append-only file redis answers "-LOADING ..." instead.
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private static string FindExecutable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var candidates = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, OperatingSystem.IsWindows() ? "redis-server.exe" : "redis-server"))
            .Append("/usr/bin/redis-server")
            .Append("/usr/local/bin/redis-server");
        return candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(NotFoundMessage);
    }

    private void Kill()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
        }
    }

    private async Task Signal(string signal)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var pid = _process?.Id ?? throw new InvalidOperationException("redis-server is not running.");
        using var kill = Process.Start("kill", [signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {pid} exited with {kill.ExitCode}.");
        }
    }

    private sealed record StartAttempt(bool Ready, bool PortInUse, Exception? Failure);

    /// <summary>The last lines redis-server printed, for the error message when it fails to start.</summary>
    private sealed class OutputTail
    {
        private readonly Queue<string> _lines = new();

        private static int MaxLines => 50;

        public string Text
        {
            get
            {
                lock (_lines)
                {
                    return string.Join(Environment.NewLine, _lines);
                }
            }
        }

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_lines)
            {
                _lines.Enqueue(line);
                while (_lines.Count > MaxLines)
                {
                    _lines.Dequeue();
                }
            }
        }

        public void Clear()
        {
            lock (_lines)
            {
                _lines.Clear();
            }
        }
    }
}
