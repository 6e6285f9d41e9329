using System.Reflection;
using System.Reflection.Emit;

namespace NucleusCloud.Tests.Architecture.Rules;

/// <summary>
/// Rule 6: endpoints only translate. A type named <c>…Endpoints</c> (with its lambdas and async state
/// machines) never saves, adds, removes or bulk-changes through EF Core: every change goes through the
/// module's service, which checks the caller. Read from compiled IL, so no call hides in a helper lambda.
/// </summary>
internal static class EndpointWrites
{
    private static readonly HashSet<string> WritingOwners =
    [
        "Microsoft.EntityFrameworkCore.DbContext",
        "Microsoft.EntityFrameworkCore.DbSet`1",
        "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions",
        "Microsoft.EntityFrameworkCore.RelationalQueryableExtensions",
    ];

    private static readonly HashSet<string> WritingMembers =
    [
        "SaveChanges", "SaveChangesAsync", "Add", "AddAsync", "AddRange", "AddRangeAsync", "Remove", "RemoveRange",
        "Update", "UpdateRange", "Attach", "AttachRange", "ExecuteDelete", "ExecuteDeleteAsync", "ExecuteUpdate", "ExecuteUpdateAsync",
    ];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<string> Violations(Assembly assembly) =>
        [.. assembly.GetTypes().Where(IsEndpointCode)
            .SelectMany(type => type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            .SelectMany(method => CalledMethods(method).Where(IsWrite).Select(called => $"{Outermost(method.DeclaringType!).FullName} calls {called.DeclaringType!.Name}.{called.Name}: change data through the module's service"))
            .Distinct()];

    private static bool IsEndpointCode(Type type) => Outermost(type).Name.EndsWith("Endpoints", StringComparison.Ordinal);

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    private static bool IsWrite(MethodBase method) =>
        WritingMembers.Contains(method.Name) && method.DeclaringType is { } owner
        && WritingOwners.Contains((owner.IsGenericType ? owner.GetGenericTypeDefinition() : owner).FullName!);

    /// <summary>The methods a body calls, found by walking its IL instruction by instruction.</summary>
    private static IEnumerable<MethodBase> CalledMethods(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position] == 0xFE ? (short)(0xFE00 | il[position + 1]) : il[position];
            var code = OpCodesByValue[value];
            position += code.Size;
            if (code.OperandType == OperandType.InlineMethod && Resolve(method, BitConverter.ToInt32(il, position)) is { } called)
            {
                yield return called;
            }

            position += OperandSize(code.OperandType, il, position);
        }
    }

    private static MethodBase? Resolve(MethodBase caller, int token)
    {
        try
        {
            return caller.Module.ResolveMethod(token, caller.DeclaringType?.GetGenericArguments(), caller.IsGenericMethod ? caller.GetGenericArguments() : null);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
