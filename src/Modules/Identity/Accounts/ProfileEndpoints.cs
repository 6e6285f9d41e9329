using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.SignIn;

namespace NucleusCloud.Modules.Identity.Accounts;

/// <summary>The signed-in person's name and address; a new address is confirmed from its mailbox.</summary>
internal static class ProfileEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapGroup("/api/auth/me").WithTags("Account").RequireAuthorization(AccountEndpoints.SignedIn);
        me.MapPut("/name", Rename).WithName("RenameAccount").Validate<RenameRequest>();
        me.MapPost("/email", RequestEmailChange).WithName("RequestEmailChange").Validate<EmailChangeRequest>();

        endpoints.MapPost("/api/auth/email/confirm", ConfirmEmailChange).WithName("ConfirmEmailChange").WithTags("Account")
            .AllowAnonymous().RequireRateLimiting(AuthEndpoints.RateLimitPolicy).Validate<EmailConfirmationRequest>();
        endpoints.MapPost("/api/auth/email/undo", UndoEmailChange).WithName("UndoEmailChange").WithTags("Account")
            .AllowAnonymous().RequireRateLimiting(AuthEndpoints.RateLimitPolicy).Validate<EmailUndoRequest>();
    }

    private static async Task<IResult> Rename(RenameRequest request, HttpContext http, IProfile profile, CancellationToken cancellationToken) =>
        await profile.RenameAsync(http.User, request.DisplayName!, cancellationToken)
            ? TypedResults.NoContent()
            : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The account no longer exists.");

    private static async Task<IResult> RequestEmailChange(EmailChangeRequest request, HttpContext http, IProfile profile, CancellationToken cancellationToken) =>
        await profile.RequestEmailChangeAsync(http.User, request.Email!.Trim(), request.Password!, cancellationToken) is { Refusal: { } refusal }
            ? RefusalProblems.Problem(refusal)
            : TypedResults.Accepted((string?)null);

    private static async Task<IResult> UndoEmailChange(EmailUndoRequest request, IProfile profile, CancellationToken cancellationToken) =>
        await profile.UndoEmailChangeAsync(request.Token!, cancellationToken) is { } problem
            ? ApiProblems.Validation("token", problem)
            : TypedResults.NoContent();

    private static async Task<IResult> ConfirmEmailChange(EmailConfirmationRequest request, IProfile profile, CancellationToken cancellationToken) =>
        await profile.ConfirmEmailChangeAsync(request.UserId!.Value, request.Email!, request.Token!, cancellationToken) is { } problem
            ? ApiProblems.Validation("token", problem)
            : TypedResults.NoContent();
}

internal sealed record RenameRequest(string? DisplayName);

internal sealed class RenameRequestValidator : AbstractValidator<RenameRequest>
{
    public RenameRequestValidator() => RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(100)
        .Must(name => name is null || !name.Any(char.IsControl)).WithMessage("The name cannot hold control characters.");
}

internal sealed record EmailChangeRequest(string? Email, string? Password);

internal sealed class EmailChangeRequestValidator : AbstractValidator<EmailChangeRequest>
{
    public EmailChangeRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(256).EmailAddress();
        RuleFor(r => r.Password).NotEmpty().WithMessage("Enter your password to change your address.").MaximumLength(512);
    }
}

internal sealed record EmailUndoRequest(string? Token);

internal sealed class EmailUndoRequestValidator : AbstractValidator<EmailUndoRequest>
{
    public EmailUndoRequestValidator() => RuleFor(r => r.Token).NotEmpty().MaximumLength(4000);
}

internal sealed record EmailConfirmationRequest(Guid? UserId, string? Email, string? Token);

internal sealed class EmailConfirmationRequestValidator : AbstractValidator<EmailConfirmationRequest>
{
    public EmailConfirmationRequestValidator()
    {
        RuleFor(r => r.UserId).NotEmpty();
        RuleFor(r => r.Email).NotEmpty().MaximumLength(256).EmailAddress();
        RuleFor(r => r.Token).NotEmpty().MaximumLength(2000);
    }
}
