using System.Diagnostics;
using NuMM.Generators.Tests.Support;

namespace NuMM.Generators.Tests;

/// <summary>The NuMM.Dsl package delivers the generator the way NuGet does (analyzers/dotnet/cs): a consumer that
/// references only the packed package (plus NuMM.Runtime) gets a working kernel.</summary>
public class PackagingTests
{
    private const string ConsumerProgram = """
        using NuMM.Dsl;

        var batch = new Pkg.Ev.Batch(40);
        for (int i = 0; i < 40; i++) batch.Set(i, new Pkg.Ev { E = i * 0.25f, N = i % 4 });
        batch.Length = 40;
        var kernel = new Pkg.Sel.Kernel();
        var result = kernel.CreateResult();
        kernel.Process(batch, result);
        System.Console.WriteLine("CUTFLOW " + string.Join(",", result.CutFlow.Passed));
        System.Console.WriteLine("NMINUS1 " + string.Join(",", result.CutFlow.PassedAllOthers));

        namespace Pkg
        {
            [EventSchema] public partial struct Ev { [Column(Unit = "GeV")] public float E; public int N; }

            [Analysis(typeof(Ev))]
            public static partial class Sel
            {
                [Cut(1, "energy")] public static bool Energy(in Ev e) => e.E is >= 2f and < 8f;
                [Cut(2, "odd")] public static bool Odd(in Ev e) => e.N == 1 || e.N == 3;
            }
        }
        """;

    [Fact]
    [Trait("Category", "Packaging")]
    public void PackedDsl_ConsumerProject_RunsGeneratedKernel()
    {
        var repo = Path.GetFullPath(Path.Combine(GeneratorHarness.ProjectDirectory(), "..", ".."));
        var temp = Directory.CreateTempSubdirectory("numm-pack-");
        try
        {
            var feed = Path.Combine(temp.FullName, "feed");
            var consumer = Path.Combine(temp.FullName, "consumer");
            Directory.CreateDirectory(consumer);
            // Its own artifacts path: packing rebuilds NuMM.Dsl and NuMM.Generators as version 0.0.1, and in the repository's
            // shared bin/obj that build would race the other test projects' builds, which copy NuMM.Dsl.dll (a 0.0.1 copy
            // then fails to load where 0.1.0 is referenced).
            Dotnet(repo, temp.FullName, "pack", Path.Combine(repo, "src", "NuMM.Dsl", "NuMM.Dsl.csproj"), "-c", "Release", "-o", feed, "-p:Version=0.0.1-test",
                "--artifacts-path", Path.Combine(temp.FullName, "artifacts"));
            Assert.True(File.Exists(Path.Combine(feed, "NuMM.Dsl.0.0.1-test.nupkg")), "pack produced no package");

            var global = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } g ? g
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="local" value="{feed}" />
                  </packageSources>
                  <fallbackPackageFolders>
                    <add key="machine" value="{global}" />
                  </fallbackPackageFolders>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
                    <NuGetAudit>false</NuGetAudit>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="NuMM.Dsl" Version="0.0.1-test" />
                    <Reference Include="NuMM.Runtime" HintPath="{typeof(NuMM.Runtime.Selection.CutFlow).Assembly.Location}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram);
            var output = Dotnet(repo, temp.FullName, "run", "--project", consumer, "-c", "Release");
            // E = 0.25 i, i = 0..39: 2 ≤ E < 8 holds for i = 8..31 (24 events); N = i % 4 odd for half of them (12).
            Assert.Contains("CUTFLOW 40,24,12", output);
            // N−1: all but 'energy' → odd N among 40 = 20; all but 'odd' → energy window = 24.
            Assert.Contains("NMINUS1 20,24", output);
        }
        finally
        {
            try { temp.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private static string Dotnet(string repo, string temp, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = temp };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NUGET_PACKAGES"] = Path.Combine(temp, "packages");
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(240_000))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', args)} timed out");
        }
        var text = stdout.Result + stderr.Result;
        Assert.True(p.ExitCode == 0, $"dotnet {string.Join(' ', args)} failed:\n{text}");
        return text;
    }
}
