using Microsoft.AspNetCore.Http;
using NucleusCloud.Modules.Abstractions.Outcomes;

namespace NucleusCloud.Modules.Abstractions.Http;

/// <summary>The one mapping from a service's <see cref="Refusal"/> to the API's RFC 9457 answer.</summary>
public static class RefusalProblems
{
    public const string QuotaExceededType = "https://nucleuscloud.org/problems/quota-exceeded";

    public static IResult Problem(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.Invalid => ApiProblems.Validation(refusal.Field, refusal.Message),
        RefusalKind.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: refusal.Message, type: ApiProblems.NotFoundType),
        RefusalKind.Conflict => ApiProblems.Conflict(refusal.Message),
        RefusalKind.TooLarge => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.", detail: refusal.Message),
        RefusalKind.UnsupportedType => Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "This type of file is not accepted.", detail: refusal.Message,
            type: "https://nucleuscloud.org/problems/unsupported-file"),
        RefusalKind.Upstream => Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "A service the platform relies on did not do it.", detail: refusal.Message,
            type: "https://nucleuscloud.org/problems/upstream"),
        RefusalKind.OverQuota => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: $"The plan's quota of {refusal.Field} is reached.", detail: refusal.Message,
            type: QuotaExceededType, extensions: new Dictionary<string, object?>
            {
                ["quota"] = refusal.Quota?.Quota, ["limit"] = refusal.Quota?.Limit, ["usage"] = refusal.Quota?.Usage, ["plan"] = refusal.Quota?.Plan,
            }),
        _ => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: refusal.Message, type: refusal.ProblemType),
    };

    public static IResult Ok<T>(Outcome<T> outcome) =>
        outcome.Refusal is { } refusal ? Problem(refusal) : TypedResults.Ok(outcome.Value);

    public static IResult Created<T>(Outcome<T> outcome, Func<T, string> location) =>
        outcome.Refusal is { } refusal ? Problem(refusal) : TypedResults.Created(location(outcome.Value!), outcome.Value);

    public static IResult NoContent<T>(Outcome<T> outcome) =>
        outcome.Refusal is { } refusal ? Problem(refusal) : TypedResults.NoContent();
}
