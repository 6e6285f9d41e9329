using Microsoft.AspNetCore.Http;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Exchange.Contracts;

namespace NucleusCloud.Modules.Exchange.Spaces;

/// <summary>Turns an exchange action's outcome into the API's answer: the value, or a problem naming the field.</summary>
internal static class ExchangeResults
{
    public static IResult Problem(ExchangeRefusal refusal) => refusal.Kind switch
    {
        ExchangeRefusalKind.Invalid => ApiProblems.Validation(refusal.Field, refusal.Message),
        ExchangeRefusalKind.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: refusal.Message, type: ApiProblems.NotFoundType),
        ExchangeRefusalKind.Conflict => ApiProblems.Conflict(refusal.Message),
        _ => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: refusal.Message),
    };

    public static IResult Ok<T>(ExchangeResult<T> result) =>
        result.Refusal is { } refusal ? Problem(refusal) : TypedResults.Ok(result.Value);

    public static IResult Created<T>(ExchangeResult<T> result, Func<T, string> location) =>
        result.Refusal is { } refusal ? Problem(refusal) : TypedResults.Created(location(result.Value!), result.Value);

    public static IResult NoContent<T>(ExchangeResult<T> result) =>
        result.Refusal is { } refusal ? Problem(refusal) : TypedResults.NoContent();
}
