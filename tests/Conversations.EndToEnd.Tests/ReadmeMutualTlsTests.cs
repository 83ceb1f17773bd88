using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Conversations.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using V1 = Conversations.V1;

namespace Conversations.EndToEnd.Tests;

/// <summary>
/// The README's mTLS block, run as written in a scratch directory (openssl makes the certificates, bash exports the
/// settings), then the api started with those settings on a free port and called with the client certificate it made.
/// </summary>
public sealed partial class ReadmeMutualTlsTests
{
    [Fact]
    public async Task The_READMEs_mTLS_block_starts_an_api_that_lets_its_client_certificate_in_and_nothing_else()
    {
        // Arrange: run the block, with `dotnet run` replaced by printing what it exported.
        var directory = Directory.CreateTempSubdirectory("conversations-readme-mtls-").FullName;
        try
        {
            var settings = await Exported(Block(RepositoryFiles.Read("README.md")), directory);
            await using var api = new ReadmeTlsApi(settings, directory);
            await api.InitializeAsync();
            using var bot = X509Certificate2.CreateFromPemFile(Path.Combine(directory, "bot.crt"), Path.Combine(directory, "bot.key"));
            using var server = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(directory, "server.crt"));
            var request = new V1.GetBusinessNumberRequest { BusinessNumberId = TestNumbers.BusinessNumberId() };

            // Act: the certificate gets past authentication (the number is simply unknown); without it, no caller.
            using var withBot = api.TlsChannel(server, bot);
            using var withoutBot = api.TlsChannel(server, client: null);

            // Assert
            await Refused.With(StatusCode.NotFound, "UNKNOWN_BUSINESS_NUMBER", () =>
                new V1.BusinessNumbersService.BusinessNumbersServiceClient(withBot).GetBusinessNumberAsync(request).ResponseAsync);
            await Refused.With(StatusCode.Unauthenticated, "TOKEN_MISSING", () =>
                new V1.BusinessNumbersService.BusinessNumbersServiceClient(withoutBot).GetBusinessNumberAsync(request).ResponseAsync);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Block(string readme)
    {
        var section = readme[readme.IndexOf("**Client certificates (mTLS).**", StringComparison.Ordinal)..];
        return ShBlock().Match(section).Groups["body"].Value;
    }

    /// <summary>Runs <paramref name="block"/> in <paramref name="directory"/>; returns the Kestrel and Conversations settings it exported.</summary>
    private static async Task<Dictionary<string, string>> Exported(string block, string directory)
    {
        var output = await ShellCommands.Run("dotnet() { env -0; }\n" + block, directory);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2 && (pair[0].StartsWith("Kestrel__", StringComparison.Ordinal) || pair[0].StartsWith("Conversations__", StringComparison.Ordinal)))
            .ToDictionary(pair => pair[0].Replace("__", ":", StringComparison.Ordinal), pair => pair[1]);
    }

    [GeneratedRegex(@"```sh\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShBlock();

    /// <summary>The loopback api with the README's settings, its HTTPS endpoint moved to a free loopback port.</summary>
    private sealed class ReadmeTlsApi : LoopbackApi
    {
        private readonly Dictionary<string, string> _settings;

        public ReadmeTlsApi(Dictionary<string, string> settings, string directory)
        {
            Port = FreePort.Next(GrpcAddress.Port, WebhookUrl.Port, SimulatorAddress.Port);
            _settings = settings.ToDictionary(
                s => s.Key,
                s => s.Key switch
                {
                    "Kestrel:Endpoints:Grpcs:Url" => $"https://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}",
                    "Kestrel:Endpoints:Grpcs:Certificate:Path" or "Kestrel:Endpoints:Grpcs:Certificate:KeyPath" => Path.Combine(directory, s.Value),
                    _ => s.Value,
                });
            Assert.True(_settings.ContainsKey("Conversations:Auth:ClientCertificates:Callers:0:Thumbprint"), "the block exports no client certificate");
        }

        public int Port { get; }

        protected override IReadOnlyDictionary<string, string> MoreSettings => _settings;

        public GrpcChannel TlsChannel(X509Certificate2 server, X509Certificate2? client) =>
            TlsChannels.To(new Uri($"https://localhost:{Port.ToString(CultureInfo.InvariantCulture)}"), server.GetCertHashString(HashAlgorithmName.SHA256), client);
    }
}
