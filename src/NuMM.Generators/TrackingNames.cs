namespace NuMM.Generators;

/// <summary>Names of the incremental pipeline steps (tests look them up).</summary>
internal static class TrackingNames
{
    public const string SchemaParse = nameof(SchemaParse);
    public const string SchemaSpec = nameof(SchemaSpec);
    public const string Parse = nameof(Parse);
    public const string Spec = nameof(Spec);
}
