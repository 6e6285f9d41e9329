using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Brand;
using NucleusCloud.Modules.Catalogue;
using NucleusCloud.Modules.Crm;
using NucleusCloud.Modules.Exchange;
using NucleusCloud.Modules.Identity;
using NucleusCloud.Modules.Partners;
using NucleusCloud.Modules.Platform;
using NucleusCloud.Modules.Strategy;

namespace NucleusCloud.Host.Startup;

/// <summary>Every module the product is made of, in the order their migrations run.</summary>
internal static class Modules
{
    public static readonly IReadOnlyList<IModule> All = [new PlatformModule(), new IdentityModule(), new CatalogueModule(), new CrmModule(), new PartnersModule(), new BrandModule(), new ExchangeModule(), new StrategyModule()];
}
