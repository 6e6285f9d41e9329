using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Identity.Accounts;

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
    }

    private static async Task<IResult> Login(LoginRequest request, SignInManager<NucleusUser> signIn, IAuditTrail audit, CancellationToken cancellationToken)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.Email!, request.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            if (!string.IsNullOrEmpty(request.TwoFactorRecoveryCode))
            {
                result = await signIn.TwoFactorRecoveryCodeSignInAsync(request.TwoFactorRecoveryCode);
            }
            else if (string.IsNullOrEmpty(request.TwoFactorCode))
            {
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, type: TwoFactorType,
                    title: "A two-factor code is required.", detail: "Send the code from your authenticator app as twoFactorCode.");
            }

            else
            {
                result = await signIn.TwoFactorAuthenticatorSignInAsync(request.TwoFactorCode, isPersistent: false, rememberClient: false);
            }
        }

        var user = await signIn.UserManager.FindByEmailAsync(request.Email!);
        await audit.RecordPlatformAsync(result.Succeeded ? "sign-in.succeeded" : "sign-in.failed", user?.Id.ToString(), new Dictionary<string, string?>
        {
            ["email"] = request.Email,
            ["method"] = string.IsNullOrEmpty(request.TwoFactorCode) && string.IsNullOrEmpty(request.TwoFactorRecoveryCode) ? "password" : "password+2fa",
            ["lockedOut"] = result.IsLockedOut ? "true" : null,
        }, cancellationToken);

        // Wrong e-mail, wrong password and locked-out accounts all get the same answer.
        return result.Succeeded
            ? Results.Empty // the bearer handler has written { tokenType, accessToken, expiresIn, refreshToken }
            : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, type: FailedType, title: "Sign-in failed.",
                detail: "The e-mail, password or code is not right, or the account is locked for a while.");
    }

    private static async Task<IResult> Refresh(RefreshRequest request, SignInManager<NucleusUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        // The security stamp check makes a password change end every refresh token issued before it.
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, type: FailedType, title: "The refresh token is not valid.");
        }

        ClaimsPrincipal principal = await signIn.CreateUserPrincipalAsync(user);
        return Results.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
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
