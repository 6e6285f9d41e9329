using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Data;

namespace NucleusCloud.Modules.Identity.Accounts;

/// <summary>Creates and finds accounts; the one place that turns Identity's results into exceptions.</summary>
internal sealed class AccountDirectory(UserManager<NucleusUser> users, AccountsDbContext db, TimeProvider clock)
{
    public Task<NucleusUser?> FindByEmailAsync(string email) => users.FindByEmailAsync(email);

    /// <summary>Creates an account; with a null password it can only be entered by a reset or an invitation.</summary>
    public async Task<NucleusUser> CreateAsync(string email, string displayName, string? password, bool emailConfirmed, bool platformAdmin = false)
    {
        var user = new NucleusUser
        {
            UserName = email,
            Email = email,
            DisplayName = displayName,
            EmailConfirmed = emailConfirmed,
            IsPlatformAdmin = platformAdmin,
            CreatedAt = clock.GetStorableUtcNow(),
        };
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The account {email} could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        return user;
    }

    public async Task<IReadOnlyDictionary<Guid, NucleusUser>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);

    /// <summary>Null when Identity's password rules accept <paramref name="password"/>, otherwise why not.</summary>
    public async Task<string?> PasswordProblemAsync(string password)
    {
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new NucleusUser(), password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        return errors.Count == 0 ? null : string.Join(" ", errors);
    }

    public Task<bool> AnyPlatformAdminAsync(CancellationToken cancellationToken) => db.Users.AnyAsync(u => u.IsPlatformAdmin, cancellationToken);
}
