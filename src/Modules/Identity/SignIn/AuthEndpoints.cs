using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Modules.Identity.Sessions;

namespace NucleusCloud.Modules.Identity.SignIn;

/// <summary><c>/api/auth</c>: bearer tokens for the API. Answers never reveal whether an e-mail has an account.</summary>
internal static class AuthEndpoints
{
    public const string RateLimitPolicy = "auth";
    public const string FailedType = "https://nucleuscloud.org/problems/sign-in-failed";
    public const string TwoFactorType = "https://nucleuscloud.org/problems/two-factor-required";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/auth").WithTags("Sign-in").AllowAnonymous().RequireRateLimiting(RateLimitPolicy);
        group.MapPost("/login", Login).WithName("Login").Validate<LoginRequest>();
        group.MapPost("/refresh", Refresh).WithName("RefreshToken").Validate<RefreshRequest>();
        endpoints.MapPost("/api/auth/logout", Logout).WithName("SignOutEverywhere").WithTags("Sign-in").RequireAuthorization(AccountEndpoints.SignedIn);
    }

    private static async Task<IResult> Login(LoginRequest request, BearerSignIn signIn, CancellationToken cancellationToken) =>
        await signIn.SignInAsync(request.Email!, request.Password!, request.TwoFactorCode, request.TwoFactorRecoveryCode, cancellationToken) switch
        {
            { Principal: { } principal } => Results.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme),
            { SecondFactorRequired: true } => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, type: TwoFactorType,
                title: "A two-factor code is required.", detail: "Send the code from your authenticator app as twoFactorCode."),
            // Wrong e-mail, wrong password, wrong code and locked-out accounts all get the same answer.
            _ => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, type: FailedType, title: "Sign-in failed.",
                detail: "The e-mail, password or code is not right, or the account is locked for a while."),
        };

    private static async Task<IResult> Refresh(RefreshRequest request, BearerSessions sessions, CancellationToken cancellationToken) =>
        await sessions.RefreshAsync(request.RefreshToken!, cancellationToken) is { } principal
            ? Results.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme)
            : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, type: FailedType, title: "The refresh token is not valid.",
                detail: "It expired, was already used, or the account signed out or changed its password: sign in again.");

    /// <summary>Ends every sign-in of the account: cookies, bearer and refresh tokens, live connections.</summary>
    private static async Task<IResult> Logout(ClaimsPrincipal user, UserManager<NucleusUser> users, SessionRevocation revocation, IAuditTrail audit, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(user) is { } account)
        {
            await revocation.RevokeAllAsync(account, stampRenewed: false, cancellationToken);
            await audit.RecordPlatformAsync("signed-out", account.Id.ToString(), cancellationToken: cancellationToken);
        }

        return TypedResults.NoContent();
    }
}

internal sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode, string? TwoFactorRecoveryCode = null);

internal sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(256);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(512);
        RuleFor(r => r.TwoFactorCode).MaximumLength(16);
        RuleFor(r => r.TwoFactorRecoveryCode).MaximumLength(32);
    }
}

internal sealed record RefreshRequest(string? RefreshToken);

internal sealed class RefreshRequestValidator : AbstractValidator<RefreshRequest>
{
    public RefreshRequestValidator() => RuleFor(r => r.RefreshToken).NotEmpty().MaximumLength(4096);
}
