using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace NucleusCloud.Modules.Abstractions.Http;

public class PageQueryValidator<T> : AbstractValidator<T>
    where T : PageQuery
{
    public PageQueryValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithName("page");
        RuleFor(q => q.PageSize).InclusiveBetween(1, PageQuery.MaxPageSize).WithName("pageSize");
    }
}

/// <summary>Runs the registered <see cref="IValidator{T}"/> on an endpoint's argument of type <typeparamref name="T"/>.</summary>
public sealed class ValidationFilter<T> : IEndpointFilter
    where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var argument = context.Arguments.OfType<T>().FirstOrDefault();
        if (argument is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A request body is required.",
                type: ApiProblems.ValidationType);
        }

        var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<T>>();
        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        return result.IsValid ? await next(context) : ApiProblems.Validation(result.Errors);
    }
}

public static class ValidationEndpointExtensions
{
    /// <summary>Validates the endpoint's <typeparamref name="T"/> argument and answers 400 with errors per field.</summary>
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder)
        where T : class =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}

public static class ApiProblems
{
    public const string ValidationType = "https://tools.ietf.org/html/rfc9110#section-15.5.1";
    public const string NotFoundType = "https://tools.ietf.org/html/rfc9110#section-15.5.5";
    public const string ConflictType = "https://tools.ietf.org/html/rfc9110#section-15.5.10";

    public static IResult Validation(IEnumerable<ValidationFailure> failures) =>
        Results.ValidationProblem(
            failures.GroupBy(f => FieldName(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()),
            title: "One or more fields are invalid.",
            type: ValidationType);

    public static IResult Validation(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: "One or more fields are invalid.", type: ValidationType);

    public static IResult NotFound(string what) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found.", type: NotFoundType);

    public static IResult Conflict(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail, type: ConflictType);

    /// <summary>API field names are camelCase, as in the JSON.</summary>
    public static string FieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}

public static class ValidatorRegistration
{
    /// <summary>Registers every concrete <see cref="IValidator{T}"/> in the module's assembly (internal ones included).</summary>
    public static IServiceCollection AddValidatorsOf<TModule>(this IServiceCollection services)
    {
        foreach (var type in typeof(TModule).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            {
                services.AddSingleton(contract, type);
            }
        }

        return services;
    }
}

public static class ValidationRefusals
{
    /// <summary>A service's check of a request: the first failure as a refusal naming its field, or null when valid.</summary>
    public static async Task<Outcomes.Refusal?> RefusalAsync<T>(this IValidator<T> validator, T request, CancellationToken cancellationToken) =>
        (await validator.ValidateAsync(request, cancellationToken)).Errors.FirstOrDefault() is { } error
            ? Outcomes.Refusal.Invalid(ApiProblems.FieldName(error.PropertyName), error.ErrorMessage)
            : null;

    /// <summary>A write's first two checks, in this order: the caller's right (<paramref name="denied"/> without it), then the request.</summary>
    public static async Task<Outcomes.Refusal?> RefusalAsync<T>(this Tenancy.Authorization.ICaller caller, string permission, Outcomes.Refusal denied,
        IValidator<T> validator, T request, CancellationToken cancellationToken) =>
        !await caller.MayAsync(permission, cancellationToken) ? denied : await validator.RefusalAsync(request, cancellationToken);
}
