using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace HubDsl.Build.Tasks;

/// <summary>
/// Reads <c>[assembly: HubDsl.GeneratedManifest(path, content)]</c> attributes from an assembly's metadata,
/// without loading it, so no user code runs during the build.
/// </summary>
internal static class ManifestMetadataReader
{
    private const string AttributeNamespace = "HubDsl";
    private const string AttributeName = "GeneratedManifestAttribute";

    public static IReadOnlyList<EmbeddedManifest> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var manifests = new List<EmbeddedManifest>();
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (!IsManifestAttribute(reader, attribute)) continue;
            var blob = reader.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() != 0x0001) throw new BadImageFormatException("Unexpected custom attribute prolog.");
            var path = blob.ReadSerializedString() ?? string.Empty;
            var content = blob.ReadSerializedString() ?? string.Empty;
            manifests.Add(new EmbeddedManifest(path, content));
        }

        return manifests;
    }

    private static bool IsManifestAttribute(MetadataReader reader, CustomAttribute attribute)
    {
        StringHandle name, ns;
        switch (attribute.Constructor.Kind)
        {
            case HandleKind.MemberReference:
                var member = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                if (member.Parent.Kind != HandleKind.TypeReference) return false;
                var typeRef = reader.GetTypeReference((TypeReferenceHandle)member.Parent);
                (name, ns) = (typeRef.Name, typeRef.Namespace);
                break;
            case HandleKind.MethodDefinition:
                var method = reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor);
                var typeDef = reader.GetTypeDefinition(method.GetDeclaringType());
                (name, ns) = (typeDef.Name, typeDef.Namespace);
                break;
            default:
                return false;
        }

        return reader.StringComparer.Equals(name, AttributeName) && reader.StringComparer.Equals(ns, AttributeNamespace);
    }
}
