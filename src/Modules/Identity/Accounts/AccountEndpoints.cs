using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Email;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.Sessions;
using NucleusCloud.Modules.Identity.SignIn;

namespace NucleusCloud.Modules.Identity.Accounts;

/// <summary>The signed-in person's own account (<c>/api/auth/me</c>, password, two-factor) and password reset by e-mail.</summary>
internal static class AccountEndpoints
{
    public const string SignedIn = Tenancy.Authorization.TenantPolicies.SignedIn;

    /// <summary>Signed in by the account's own means, not through a tenant's provider: only such a session changes how the account signs in.</summary>
    public const string OwnCredentials = "own-credentials";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var anonymous = endpoints.MapGroup("/api/auth/password").WithTags("Sign-in").AllowAnonymous().RequireRateLimiting(AuthEndpoints.RateLimitPolicy);
        anonymous.MapPost("/forgot", Forgot).WithName("ForgotPassword").Validate<ForgotPasswordRequest>();
        anonymous.MapPost("/reset", Reset).WithName("ResetPassword").Validate<ResetPasswordRequest>();

        var me = endpoints.MapGroup("/api/auth").WithTags("Account").RequireAuthorization(SignedIn);
        me.MapGet("/me", Me).WithName("Me");
        me.MapPost("/password/change", ChangePassword).WithName("ChangePassword").RequireAuthorization(OwnCredentials).Validate<ChangePasswordRequest>();
        me.MapPost("/2fa/authenticator", NewAuthenticatorKey).WithName("NewAuthenticatorKey").RequireAuthorization(OwnCredentials);
        me.MapPost("/2fa/enable", EnableTwoFactor).WithName("EnableTwoFactor").RequireAuthorization(OwnCredentials).Validate<TwoFactorCodeRequest>();
        me.MapPost("/2fa/disable", DisableTwoFactor).WithName("DisableTwoFactor").RequireAuthorization(OwnCredentials).Validate<TwoFactorCodeRequest>();
    }

    private static async Task<IResult> Forgot(ForgotPasswordRequest request, IPasswordReset reset, CancellationToken cancellationToken)
    {
        await reset.RequestAsync(request.Email!, cancellationToken);
        // The same answer whether or not the address has an account.
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<IResult> Reset(ResetPasswordRequest request, IPasswordReset reset, CancellationToken cancellationToken) =>
        await reset.ResetAsync(request.Email!, request.Token!, request.NewPassword!, cancellationToken) is { } problem
            ? ApiProblems.Validation(problem.Field, problem.Message)
            : TypedResults.NoContent();

    private static async Task<IResult> Me(HttpContext http, IWebSignIn accounts, CancellationToken cancellationToken) =>
        await accounts.CurrentAsync(http.User, cancellationToken) is { } account
            ? TypedResults.Ok(account)
            : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The account no longer exists.");

    private static async Task<IResult> ChangePassword(ChangePasswordRequest request, HttpContext http, UserManager<NucleusUser> users, SessionRevocation revocation, IAuditTrail audit, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The account no longer exists.");
        }

        // Changing the password renews the security stamp, which ends the account's other sessions and refresh tokens.
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (!result.Succeeded)
        {
            var mismatch = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            return ApiProblems.Validation(mismatch ? "currentPassword" : "newPassword", string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await revocation.RevokeAllAsync(user, stampRenewed: true, cancellationToken);
        await audit.RecordPlatformAsync("password.changed", user.Id.ToString(), cancellationToken: cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> NewAuthenticatorKey(HttpContext http, ITwoFactorEnrolment enrolment)
    {
        var setup = await enrolment.BeginAsync(http.User);
        return setup is null
            ? ApiProblems.Conflict("Two-factor sign-in is on; turn it off before enrolling a new authenticator.")
            : TypedResults.Ok(new { sharedKey = setup.SharedKey, authenticatorUri = setup.Uri });
    }

    private static async Task<IResult> EnableTwoFactor(TwoFactorCodeRequest request, HttpContext http, ITwoFactorEnrolment enrolment)
    {
        var codes = await enrolment.EnableAsync(http.User, request.Code!);
        return codes is null
            ? ApiProblems.Validation("code", "The code is not right; check the time on your device and try the next code.")
            : TypedResults.Ok(new { recoveryCodes = codes });
    }

    private static async Task<IResult> DisableTwoFactor(TwoFactorCodeRequest request, HttpContext http, UserManager<NucleusUser> users, SessionRevocation revocation, IAuditTrail audit, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null || !user.TwoFactorEnabled)
        {
            return ApiProblems.Conflict("Two-factor sign-in is not on.");
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, OneTimeAuthenticatorTokens.Normalise(request.Code!)))
        {
            return ApiProblems.Validation("code", "The code is not right.");
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        // Sign-ins made with the second factor it vouched for end with it.
        await revocation.RevokeAllAsync(user, stampRenewed: false, cancellationToken);
        await audit.RecordPlatformAsync("two-factor.disabled", user.Id.ToString(), cancellationToken: cancellationToken);
        return TypedResults.NoContent();
    }
}

/// <summary>The otpauth URI authenticator apps read from the enrolment QR code.</summary>
internal static class AuthenticatorUri
{
    public static string For(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString("NucleusCloud")}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString("NucleusCloud")}&digits=6";
}

internal sealed record ForgotPasswordRequest(string? Email);

internal sealed class ForgotPasswordRequestValidator : AbstractValidator<ForgotPasswordRequest>
{
    public ForgotPasswordRequestValidator() => RuleFor(r => r.Email).NotEmpty().MaximumLength(256).EmailAddress();
}

internal sealed record ResetPasswordRequest(string? Email, string? Token, string? NewPassword);

internal sealed class ResetPasswordRequestValidator : AbstractValidator<ResetPasswordRequest>
{
    public ResetPasswordRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(256);
        RuleFor(r => r.Token).NotEmpty().MaximumLength(2000);
        RuleFor(r => r.NewPassword).NotEmpty().MaximumLength(512);
    }
}

internal sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

internal sealed class ChangePasswordRequestValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordRequestValidator()
    {
        RuleFor(r => r.CurrentPassword).NotEmpty().MaximumLength(512);
        RuleFor(r => r.NewPassword).NotEmpty().MaximumLength(512);
    }
}

internal sealed record TwoFactorCodeRequest(string? Code);

internal sealed class TwoFactorCodeRequestValidator : AbstractValidator<TwoFactorCodeRequest>
{
    public TwoFactorCodeRequestValidator() => RuleFor(r => r.Code).NotEmpty().MaximumLength(16);
}
