using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NucleusCloud.Modules.Abstractions.Messaging;

public static class MessagingServices
{
    /// <summary>Delivers <typeparamref name="TContext"/>'s outbox from a hosted service (settings: <c>Outbox:*</c>).</summary>
    public static IServiceCollection AddOutbox<TContext>(this IServiceCollection services, IConfiguration configuration)
        where TContext : DbContext, IOutboxContext
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<OutboxDispatcher<TContext>>();
        return services;
    }

    /// <summary>Lets <typeparamref name="THandler"/> hear every <typeparamref name="TEvent"/>, whichever module's outbox carries it.</summary>
    public static IServiceCollection AddIntegrationEventHandler<THandler, TEvent>(this IServiceCollection services)
        where THandler : class, IIntegrationEventHandler
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new IntegrationEventSubscription(IntegrationEvents.NameOf(typeof(TEvent)), typeof(THandler)));
        return services;
    }
}
