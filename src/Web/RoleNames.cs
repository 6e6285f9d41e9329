using Microsoft.Extensions.Localization;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Web;

/// <summary>A role's name in the interface language; the keys are <c>Role{name}</c>, one per <see cref="TenantRole"/>.</summary>
internal static class RoleNames
{
    public static string Of(IStringLocalizer localizer, TenantRole role) => localizer[$"Role{role}"];
}
