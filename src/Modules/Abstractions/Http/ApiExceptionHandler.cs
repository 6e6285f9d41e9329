using System.Text.RegularExpressions;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace NucleusCloud.Modules.Abstractions.Http;

/// <summary>
/// Turns request-shaped failures (unreadable JSON, wrong types, oversized bodies) into RFC 9457
/// answers naming the field, a refusal found inside a transaction into its problem, and a database that is briefly out of reach
/// (connections exhausted, a restart, a serialization conflict) into a 503 with Retry-After, a full disk or database into a 507;
/// anything else becomes a bare 500 with no internals.
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
            _ when Persistence.OutOfStorage.IsCause(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status507InsufficientStorage,
                Title = "The service is out of storage space.",
                Detail = "Nothing of this request was saved. Try again later; the operators are told.",
            },
            _ when IsTransientDatabaseFailure(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service cannot reach its database just now.",
                Detail = "Try again in a few seconds.",
            },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "The error has been logged; quote the trace id when reporting it.",
            },
        };

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            LogDatabaseUnavailable(exception, context.Request.Method, context.Request.Path.Value ?? "/");
        }
        else if (problem.Status == StatusCodes.Status507InsufficientStorage)
        {
            LogOutOfStorage(exception, context.Request.Method, context.Request.Path.Value ?? "/");
        }
        else if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
        }

        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private const string RetryAfterSeconds = "5";

    /// <summary>
    /// What the provider calls transient, however deep EF wrapped it (its retrying strategy gives up with an
    /// InvalidOperationException around the last failure): a client may simply try again.
    /// </summary>
    internal static bool IsTransientDatabaseFailure(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is System.Data.Common.DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Out of storage space for {Method} {Path}; answered 507 and saved nothing")]
    private partial void LogOutOfStorage(Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database could not be reached for {Method} {Path}; answered 503")]
    private partial void LogDatabaseUnavailable(Exception exception, string method, string path);

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
