using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace AutoMLPlatform.TestSupport.Architecture;

/// <summary>
/// Which namespaces of one compiled assembly use which others, read from its metadata: base types, interfaces, field
/// and method signatures, and every type, method and field a method body names (IL operands). A nested or
/// compiler-generated type (a lambda's closure, an async state machine) counts as its outermost declaring type, so what
/// a lambda does counts for the namespace that wrote it. Types outside <paramref name="rootNamespace"/> (generated
/// helpers) are left out.
/// </summary>
public sealed class NamespaceGraph
{
    private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value, o => o.OperandType);

    private readonly Dictionary<string, HashSet<string>> _edges = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), SortedSet<string>> _because = [];

    private NamespaceGraph()
    {
    }

    /// <summary>Namespace → the other namespaces of the assembly it uses.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Edges => _edges;

    public static NamespaceGraph Read(string assemblyPath, string rootNamespace)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var graph = new NamespaceGraph();
        var collector = new Collector(reader);
        foreach (var handle in reader.TypeDefinitions)
        {
            var from = collector.NamespaceOf(handle);
            if (!InRoot(from, rootNamespace))
            {
                continue;
            }

            graph.Node(from);
            foreach (var used in collector.UsedBy(handle, pe))
            {
                var to = collector.NamespaceOf(used);
                if (to != from && InRoot(to, rootNamespace))
                {
                    graph.Node(from).Add(to);
                    graph.Node(to);
                    var key = (from, to);
                    if (!graph._because.TryGetValue(key, out var pairs))
                    {
                        graph._because[key] = pairs = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    pairs.Add($"{collector.NameOf(handle)} -> {collector.NameOf(used)}");
                }
            }
        }

        return graph;
    }

    /// <summary>Every "A -> B" pair of outermost types across namespaces, for looking into a cycle by hand.</summary>
    public IEnumerable<string> Pairs() => _because.SelectMany(e => e.Value.Select(p => $"{e.Key.From} {e.Key.To} {p}"));

    /// <summary>Which types make <paramref name="from"/> use <paramref name="to"/> (outermost types, "A -> B").</summary>
    public IReadOnlyCollection<string> Because(string from, string to) => _because.TryGetValue((from, to), out var pairs) ? pairs : [];

    /// <summary>Every set of two or more namespaces that reach each other (strongly connected components), each sorted.</summary>
    public IReadOnlyList<string[]> Cycles() => StronglyConnected.Components(_edges).Where(c => c.Length > 1).ToArray();

    private static bool InRoot(string ns, string root) => ns.StartsWith(root + ".", StringComparison.Ordinal);

    private HashSet<string> Node(string ns)
    {
        if (!_edges.TryGetValue(ns, out var set))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            _edges[ns] = set;
        }

        return set;
    }

    /// <summary>Finds the assembly's own types a type uses.</summary>
    private sealed class Collector(MetadataReader reader) : ISignatureTypeProvider<ImmutableArray<TypeDefinitionHandle>, object?>
    {
        public string NamespaceOf(TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            while (type.GetDeclaringType() is { IsNil: false } outer)
            {
                type = reader.GetTypeDefinition(outer);
            }

            return reader.GetString(type.Namespace);
        }

        public string NameOf(TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            while (type.GetDeclaringType() is { IsNil: false } outer)
            {
                type = reader.GetTypeDefinition(outer);
            }

            return reader.GetString(type.Name);
        }

        public IEnumerable<TypeDefinitionHandle> UsedBy(TypeDefinitionHandle handle, PEReader pe)
        {
            var type = reader.GetTypeDefinition(handle);
            var used = new List<TypeDefinitionHandle>();
            if (!type.BaseType.IsNil)
            {
                used.AddRange(Of(type.BaseType));
            }

            foreach (var implemented in type.GetInterfaceImplementations())
            {
                used.AddRange(Of(reader.GetInterfaceImplementation(implemented).Interface));
            }

            foreach (var field in type.GetFields())
            {
                used.AddRange(reader.GetFieldDefinition(field).DecodeSignature(this, null));
            }

            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                var signature = method.DecodeSignature(this, null);
                used.AddRange(signature.ReturnType);
                used.AddRange(signature.ParameterTypes.SelectMany(p => p));
                if (method.RelativeVirtualAddress != 0)
                {
                    try
                    {
                        used.AddRange(InBody(pe.GetMethodBody(method.RelativeVirtualAddress)));
                    }
                    catch (Exception ex)
                    {
                        throw new InvalidOperationException($"{reader.GetString(type.Name)}.{reader.GetString(method.Name)}: {ex.Message}", ex);
                    }
                }
            }

            return used;
        }

        private IEnumerable<TypeDefinitionHandle> InBody(MethodBodyBlock body)
        {
            if (!body.LocalSignature.IsNil)
            {
                foreach (var local in reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(this, null))
                {
                    foreach (var t in local)
                    {
                        yield return t;
                    }
                }
            }

            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                short code = il.ReadByte();
                if (code == 0xFE)
                {
                    code = unchecked((short)(0xFE00 | il.ReadByte()));
                }

                switch (OperandTypes[code])
                {
                    case OperandType.InlineField:
                    case OperandType.InlineMethod:
                    case OperandType.InlineTok:
                    case OperandType.InlineType:
                        foreach (var t in Of(MetadataTokens.EntityHandle(il.ReadInt32())))
                        {
                            yield return t;
                        }

                        break;
                    case OperandType.InlineSwitch:
                        var targets = il.ReadInt32(); // read before the offset, which the count itself moves
                        il.Offset += 4 * targets;
                        break;
                    default:
                        il.Offset += OperandSize(OperandTypes[code]);
                        break;
                }
            }
        }

        private static int OperandSize(OperandType type) => type switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            _ => 4,
        };

        private ImmutableArray<TypeDefinitionHandle> Of(EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeDefinition => [(TypeDefinitionHandle)handle],
            HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null),
            HandleKind.MethodDefinition => [reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType()],
            HandleKind.FieldDefinition => [reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType()],
            HandleKind.MemberReference => Of(reader.GetMemberReference((MemberReferenceHandle)handle).Parent),
            HandleKind.MethodSpecification => MethodSpecification((MethodSpecificationHandle)handle),
            _ => [],
        };

        private ImmutableArray<TypeDefinitionHandle> MethodSpecification(MethodSpecificationHandle handle)
        {
            var spec = reader.GetMethodSpecification(handle);
            return [.. Of(spec.Method), .. spec.DecodeSignature(this, null).SelectMany(t => t)];
        }

        public ImmutableArray<TypeDefinitionHandle> GetTypeFromDefinition(MetadataReader r, TypeDefinitionHandle handle, byte rawTypeKind) => [handle];

        public ImmutableArray<TypeDefinitionHandle> GetTypeFromReference(MetadataReader r, TypeReferenceHandle handle, byte rawTypeKind) => [];

        public ImmutableArray<TypeDefinitionHandle> GetTypeFromSpecification(MetadataReader r, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            r.GetTypeSpecification(handle).DecodeSignature(this, context);

        public ImmutableArray<TypeDefinitionHandle> GetSZArrayType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetArrayType(ImmutableArray<TypeDefinitionHandle> elementType, ArrayShape shape) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetByReferenceType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetPointerType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetPinnedType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetGenericInstantiation(ImmutableArray<TypeDefinitionHandle> genericType,
            ImmutableArray<ImmutableArray<TypeDefinitionHandle>> typeArguments) => [.. genericType, .. typeArguments.SelectMany(t => t)];

        public ImmutableArray<TypeDefinitionHandle> GetGenericMethodParameter(object? context, int index) => [];

        public ImmutableArray<TypeDefinitionHandle> GetGenericTypeParameter(object? context, int index) => [];

        public ImmutableArray<TypeDefinitionHandle> GetFunctionPointerType(MethodSignature<ImmutableArray<TypeDefinitionHandle>> signature) =>
            [.. signature.ReturnType, .. signature.ParameterTypes.SelectMany(p => p)];

        public ImmutableArray<TypeDefinitionHandle> GetModifiedType(ImmutableArray<TypeDefinitionHandle> modifier, ImmutableArray<TypeDefinitionHandle> unmodifiedType,
            bool isRequired) => unmodifiedType;

        public ImmutableArray<TypeDefinitionHandle> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];
    }
}
