namespace Conversations.Testing;

/// <summary>Files of this repository (the README, docs), found from the test binary by walking up to Conversations.sln.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Conversations.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Conversations.sln above {AppContext.BaseDirectory}.");
    }
}
