using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Exchange.Spaces;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Exchange.Mail;

/// <summary>A delegate's mail preference, and the unsubscribe link that needs no sign-in (a token protected by the host's key ring).</summary>
internal sealed class MailPreferences(ExchangeDbContext db, ActingMember acting, IDataProtectionProvider protection, ITenantScopeFactory scopes, ITenantStore tenants,
    TimeProvider clock) : IExchangeMail
{
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "es"];
    private const string Purpose = "NucleusCloud.Exchange.Mail.Unsubscribe";

    public async Task<Outcome<MailPreferenceDto>> PreferenceAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        var actor = await acting.ResolveAsync(caller, cancellationToken);
        if (actor.Value is not { } me)
        {
            return actor.Refusal!;
        }

        var preference = await db.MailPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.TenantId == me.Tenant.Id && p.UserId == me.UserId, cancellationToken);
        return new MailPreferenceDto(preference?.Mode ?? MailMode.Off, preference?.Language ?? "en");
    }

    public async Task<Outcome<MailPreferenceDto>> SetPreferenceAsync(ClaimsPrincipal caller, MailMode? mode, string? language, CancellationToken cancellationToken = default)
    {
        var actor = await acting.ResolveAsync(caller, cancellationToken);
        if (actor.Value is not { } me)
        {
            return actor.Refusal!;
        }

        if (mode is not { } chosen || !Enum.IsDefined(chosen))
        {
            return Refusal.Invalid("mode", "Choose Off, Immediate or Daily.");
        }

        if (language is not null && !Languages.Contains(language))
        {
            return Refusal.Invalid("language", $"Choose one of: {string.Join(", ", Languages)}.");
        }

        var preference = await db.MailPreferences.FirstOrDefaultAsync(p => p.TenantId == me.Tenant.Id && p.UserId == me.UserId, cancellationToken);
        if (preference is null)
        {
            preference = new MailPreference { TenantId = me.Tenant.Id, UserId = me.UserId, Language = "en" };
            db.MailPreferences.Add(preference);
        }

        (preference.Mode, preference.Language, preference.UpdatedAt) = (chosen, language ?? preference.Language, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new MailPreferenceDto(preference.Mode, preference.Language);
    }

    public async Task<Outcome<string>> UnsubscribeAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (Read(token) is not var (tenantId, userId))
        {
            return Refusal.Invalid("token", "This unsubscribe link is not valid; sign in and change your e-mail settings in the exchange instead.");
        }

        // No one is signed in: the token is the authority, and the system writes the preference it names.
        await using var scope = scopes.CreatePlatformScope();
        var system = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        await system.MailPreferences.Where(p => p.TenantId == tenantId && p.UserId == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Mode, MailMode.Off).SetProperty(p => p.UpdatedAt, clock.GetUtcNow()), cancellationToken);
        await system.MailItems.Where(i => i.TenantId == tenantId && i.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return (await tenants.FindByIdAsync(tenantId, cancellationToken))?.Name ?? "";
    }

    /// <summary>The token of the link in a mail to <paramref name="userId"/> of <paramref name="tenantId"/>.</summary>
    public static string Token(IDataProtectionProvider protection, Guid tenantId, Guid userId) => protection.CreateProtector(Purpose).Protect($"{tenantId:N}.{userId:N}");

    private (Guid TenantId, Guid UserId)? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1_000)
        {
            return null;
        }

        try
        {
            var parts = protection.CreateProtector(Purpose).Unprotect(token).Split('.');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var tenantId) && Guid.TryParseExact(parts[1], "N", out var userId) ? (tenantId, userId) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
