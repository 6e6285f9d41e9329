using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NucleusCloud.Tests.Architecture.Rules;

/// <summary>What an assembly's metadata says it uses from other assemblies (compiled code, not source text).</summary>
internal static class Metadata
{
    internal sealed record TypeUse(string Assembly, string Namespace, string Name)
    {
        public string FullName => $"{Namespace}.{Name}";
    }

    internal sealed record MemberUse(TypeUse Type, string Member);

    public static IReadOnlyList<TypeUse> TypeReferences(Assembly assembly)
    {
        using var pe = Open(assembly);
        var reader = pe.GetMetadataReader();
        return reader.TypeReferences.Select(handle => Describe(reader, handle)).OfType<TypeUse>().Distinct().ToList();
    }

    public static IReadOnlyList<MemberUse> MemberReferences(Assembly assembly)
    {
        using var pe = Open(assembly);
        var reader = pe.GetMetadataReader();
        var uses = new List<MemberUse>();
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (member.Parent.Kind == HandleKind.TypeReference && Describe(reader, (TypeReferenceHandle)member.Parent) is { } type)
            {
                uses.Add(new MemberUse(type, reader.GetString(member.Name)));
            }
        }

        return uses.Distinct().ToList();
    }

    private static PEReader Open(Assembly assembly) => new(File.OpenRead(assembly.Location));

    // Nested types name their declaring type as scope; the outermost one names the assembly.
    private static TypeUse? Describe(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        var outer = type;
        while (outer.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            outer = reader.GetTypeReference((TypeReferenceHandle)outer.ResolutionScope);
        }

        if (outer.ResolutionScope.Kind != HandleKind.AssemblyReference)
        {
            return null;
        }

        var assembly = reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)outer.ResolutionScope).Name);
        return new TypeUse(assembly, reader.GetString(outer.Namespace), reader.GetString(type.Name));
    }
}
