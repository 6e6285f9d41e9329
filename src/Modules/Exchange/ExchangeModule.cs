using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Persistence.RowLevelSecurity;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Conversations;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Exchange.Demo;
using NucleusCloud.Modules.Exchange.Knowledge;
using NucleusCloud.Modules.Exchange.Live;
using NucleusCloud.Modules.Exchange.Meetings;
using NucleusCloud.Modules.Exchange.Agreements;
using NucleusCloud.Modules.Exchange.Documents;
using NucleusCloud.Modules.Exchange.Spaces;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Exchange;

public sealed class ExchangeModule : IModule
{
    public string Name => ExchangeDbContext.Schema;

    public PermissionSet Permissions => ExchangePermissions.Declared;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<ExchangeDbContext, SqliteExchangeDbContext, PostgresExchangeDbContext, SqlServerExchangeDbContext>(configuration, ExchangeDbContext.Schema);
        services.AddSingleton<IRowSecurityPolicies, ExchangeRowSecurity>();
        services.AddScoped<SpaceAccess>();
        services.AddScoped<ActingMember>();
        services.AddScoped<ExchangeAudit>();
        services.AddScoped<SpaceEventLog>();
        services.AddScoped<PresenceBook>();
        services.AddScoped<LiveMembership>();
        services.AddScoped<ISpaces, SpaceLifecycle>();
        services.AddScoped<ISpaceMembers, SpaceMembership>();
        services.AddScoped<ISpaceDelegates, SpaceDelegation>();
        services.AddScoped<ISpaceConversation, Conversation>();
        services.AddScoped<IReadMarkers, ReadMarkers>();
        services.AddScoped<IKnowledgeExchange, KnowledgeSharing>();
        services.AddScoped<IMeetings, Agenda>();
        services.AddScoped<Mail.MailQueue>();
        services.AddScoped<IExchangeMail, Mail.MailPreferences>();
        services.AddSingleton<Mail.MailLinks>();
        services.AddHostedService<Mail.ExchangeMailSender>();
        services.AddScoped<ICooperation, CooperationRegister>();
        services.AddScoped<SpaceDocuments>();
        services.AddScoped<Editions.OutcomeReports>();
        services.AddScoped<IForumEditions, Editions.ForumEditions>();
        services.AddScoped<IGovernmentInvitations, Editions.GovernmentInvitations>();
        services.AddScoped<NucleusCloud.Modules.Abstractions.Plans.IUsageMeter, Usage.HostedSpaces>();
        services.AddScoped<NucleusCloud.Modules.Abstractions.Plans.IUsageMeter, Usage.SharedDocumentBytes>();
        services.AddScoped<ISpaceDocuments>(sp => sp.GetRequiredService<SpaceDocuments>());
        services.AddScoped<IDemoSeeder, DemoExchange>();
        services.AddScoped<IDemoSeeder, DemoEdition>();
        services.AddScoped<Identity.Contracts.ISignInRevocationObserver, SignInRevocations>();

        services.AddSignalR();
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<LiveStandings>();
        services.AddSingleton<PresenceWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<PresenceWriter>());
        services.AddSingleton<LiveDispatcher>();
        services.AddSingleton<TypingBudget>();
        services.AddHostedService<PresenceHeartbeat>();
        services.AddHostedService<HostStopping>();
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section);
        services.AddSingleton<LiveMembershipSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveMembershipSweep>());
        services.AddSingleton<MeetingStartAnnouncer>();
        services.AddHostedService(sp => sp.GetRequiredService<MeetingStartAnnouncer>());
        var database = ModuleDatabase.Read(configuration);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<PostgresBackplane>(sp, PostgresBackplane.DataSource(database.ConnectionString)));
            services.AddSingleton<ILiveBackplane>(sp => sp.GetRequiredService<PostgresBackplane>());
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<PostgresBackplane>());
        }
        else if (database.Provider == DatabaseProvider.SqlServer)
        {
            services.AddSingleton<SqlServerBackplane>();
            services.AddSingleton<ILiveBackplane>(sp => sp.GetRequiredService<SqlServerBackplane>());
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<SqlServerBackplane>());
        }
        else
        {
            services.AddSingleton<ILiveBackplane, InProcessBackplane>();
        }
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        SpaceEndpoints.Map(endpoints);
        ConversationEndpoints.Map(endpoints);
        KnowledgeEndpoints.Map(endpoints);
        MeetingEndpoints.Map(endpoints);
        AgreementEndpoints.Map(endpoints);
        DocumentEndpoints.Map(endpoints);
        DocumentFormEndpoint.Map(endpoints);
        Mail.MailEndpoints.Map(endpoints);
        Editions.EditionEndpoints.Map(endpoints);
        // A connection lives no longer than the cookie or token it was opened with.
        endpoints.MapHub<ExchangeHub>(ExchangeHub.Path, options => options.CloseOnAuthenticationExpiration = true);
    }
}
