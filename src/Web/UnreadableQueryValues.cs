using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;

namespace NucleusCloud.Web;

/// <summary>
/// Pages bind some query values to typed parameters (<c>?year=2027</c>, <c>?confirm={id}</c>); the component renderer throws on a
/// value that does not parse, which would answer 500. Checked here first, by the page's own declarations: such an address
/// answers 400 with the error page naming the value (<see cref="ValueName"/>), and the page never renders.
/// </summary>
public static class UnreadableQueryValues
{
    /// <summary>The <see cref="HttpContext.Items"/> key under which the unreadable value's name reaches the error page.</summary>
    public const string ValueName = "nucleus.unreadable-query-value";

    private static readonly ConcurrentDictionary<Type, TypedQueryValue[]> Declared = new();

    public static IApplicationBuilder UseUnreadableQueryValueRefusals(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.QueryString.HasValue && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is { } page
            && FirstUnreadable(page.Type, context.Request.Query) is { } name)
        {
            context.Items[ValueName] = name;
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }

        return next(context);
    });

    /// <summary>The name of the first query value <paramref name="page"/> declares with a type that its value in <paramref name="query"/> does not parse as.</summary>
    public static string? FirstUnreadable(Type page, IQueryCollection query)
    {
        foreach (var declared in Declared.GetOrAdd(page, TypedValuesOf))
        {
            foreach (var value in query[declared.Name])
            {
                if (!declared.Parses(value))
                {
                    return declared.Name;
                }
            }
        }

        return null;
    }

    private sealed record TypedQueryValue(string Name, Func<string?, bool> Parses);

    private static TypedQueryValue[] TypedValuesOf(Type page) =>
    [
        .. from property in page.GetProperties(BindingFlags.Public | BindingFlags.Instance)
           let attribute = property.GetCustomAttribute<SupplyParameterFromQueryAttribute>()
           where attribute is not null
           let element = ElementOf(property.PropertyType)
           where element != typeof(string)
           select new TypedQueryValue(attribute.Name ?? property.Name, ParserFor(element, Nullable.GetUnderlyingType(element) is not null || element != property.PropertyType))
    ];

    private static Type ElementOf(Type type) => type.IsArray ? type.GetElementType()! : type;

    /// <summary>The framework's rules: invariant culture; an empty value is "none" for a nullable value or an array's item.</summary>
    private static Func<string?, bool> ParserFor(Type type, bool emptyAllowed)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        Func<string, bool> parses = underlying switch
        {
            _ when underlying == typeof(bool) => value => bool.TryParse(value, out _),
            _ when underlying == typeof(Guid) => value => Guid.TryParse(value, out _),
            _ when underlying == typeof(int) => value => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            _ when underlying == typeof(long) => value => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            _ when underlying == typeof(decimal) => value => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
            _ when underlying == typeof(double) => value => double.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
            _ when underlying == typeof(float) => value => float.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
            _ when underlying == typeof(DateTime) => value => DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ when underlying == typeof(DateOnly) => value => DateOnly.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ when underlying == typeof(TimeOnly) => value => TimeOnly.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => throw new NotSupportedException($"Query values of type {type} are not supported by pages."),
        };
        return value => string.IsNullOrEmpty(value) ? emptyAllowed : parses(value);
    }
}
