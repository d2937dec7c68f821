using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WasmBox.Nano.Gate;

/// <summary>
/// Rules the facades alone cannot express. mscorlib 1.17 declares a few generic delegates
/// (Action&lt;T&gt;, Func&lt;...&gt;, EventHandler&lt;T&gt;), so code using them compiles, but the
/// nanoFramework 1.17 runtime cannot run generic code and the design forbids generics of any kind.
/// Missing types (List&lt;T&gt;, Nullable&lt;T&gt;, ValueTuple, Task) already fail as compiler errors.
/// </summary>
internal static class NanoSubsetRules
{
    static Diagnostic NoGenerics(SyntaxNode node, string what) => Diagnostic.Create(
        "NF0001", "Compatibility", $"{what}: nanoFramework 1.17 does not support generics",
        DiagnosticSeverity.Error, DiagnosticSeverity.Error, isEnabledByDefault: true, warningLevel: 0,
        location: node.GetLocation());

    public static IEnumerable<Diagnostic> Check(Compilation compilation, SyntaxTree tree)
    {
        var model = compilation.GetSemanticModel(tree);
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            switch (node)
            {
                case TypeParameterListSyntax:
                    yield return NoGenerics(node, "generic declaration");
                    break;
                // Unresolved names (List<T> without a facade) are already compiler errors.
                case GenericNameSyntax generic when model.GetSymbolInfo(generic).Symbol != null:
                    yield return NoGenerics(node, $"'{generic}' is generic");
                    break;
                // A lambda's natural type (var f = () => 1;) is a generic delegate without any generic name in sight.
                case AnonymousFunctionExpressionSyntax lambda
                    when model.GetTypeInfo(lambda).ConvertedType is INamedTypeSymbol { IsGenericType: true } type:
                    yield return NoGenerics(node, $"lambda converted to '{type}'");
                    break;
            }
        }
    }
}
