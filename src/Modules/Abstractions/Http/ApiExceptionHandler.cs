using System.Text.RegularExpressions;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace NucleusCloud.Modules.Abstractions.Http;

/// <summary>
/// Turns request-shaped failures (unreadable JSON, wrong types, oversized bodies) into RFC 9457
/// answers naming the field, and a refusal found inside a transaction into its problem; anything else becomes a bare 500 with no internals.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is Outcomes.RefusedException refused)
        {
            await RefusalProblems.Problem(refused.Refusal).ExecuteAsync(context);
            return true;
        }

        ProblemDetails problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => BadJson(json),
            BadHttpRequestException bad when BindingFailure().Match(bad.Message) is { Success: true } failure => BadParameter(failure),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request is malformed.",
                Detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? null : bad.Message,
            },
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => new ProblemDetails
            {
                Status = 499, Title = "The client closed the request.",
            },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "The error has been logged; quote the trace id when reporting it.",
            },
        };

        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
        }

        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    // Minimal APIs say: Failed to bind parameter "Nullable<EnquiryStatus> Status" from "Lost".
    [GeneratedRegex("^Failed to bind parameter \"[^\"]*?(?<name>[A-Za-z0-9_]+)\" from \"(?<value>.*)\"\\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex BindingFailure();

    /// <summary>A query or route value of the wrong type, named like a validation error.</summary>
    private static HttpValidationProblemDetails BadParameter(Match failure)
    {
        var field = ApiProblems.FieldName(failure.Groups["name"].Value);
        var value = failure.Groups["value"].Value;
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [$"'{(value.Length > 60 ? value[..57] + "..." : value)}' is not a valid {field}."],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more parameters are not valid.",
            Type = ApiProblems.ValidationType,
        };
    }

    private static HttpValidationProblemDetails BadJson(JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "$" : ApiProblems.FieldName(json.Path.TrimStart('$', '.'));
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [field == "$" ? "The body is not valid JSON." : "The value has the wrong type or shape."],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body could not be read.",
            Type = ApiProblems.ValidationType,
        };
    }
}
