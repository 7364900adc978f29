using System.Reflection;
using JasperFx.Events;

namespace Cases.Domain.Tests;

/// <summary>
/// Builds a write model from its events the way Marten's self-aggregation does, without a database: the first event
/// through the aggregate's static <c>Create</c>, each later one through the <c>Apply</c> that takes it, and an event the
/// aggregate has no <c>Apply</c> for leaves it as it is. The methods are found on the aggregate itself, so a new event
/// type (or a new aggregate) needs no edit here.
/// </summary>
public static class History
{
    /// <summary>The stream id given to aggregates whose <c>Create</c> reads it from the event's envelope.</summary>
    public static readonly Guid StreamId = Guid.CreateVersion7();

    public static T Of<T>(params object[] events) where T : class
    {
        if (events.Length == 0) throw new ArgumentException("A stream starts with an event.", nameof(events));
        var create = Find(typeof(T), "Create", BindingFlags.Public | BindingFlags.Static, events[0].GetType())
                     ?? throw new ArgumentException($"{typeof(T).Name} has no Create taking {events[0].GetType().Name}.");
        var state = (T)Invoke(create, null, events[0]);
        return state.Then(events[1..]);
    }

    /// <summary>The state once the events are applied to it, in order.</summary>
    public static T Then<T>(this T state, params object[] events) where T : class
    {
        foreach (var @event in events)
        {
            if (Find(typeof(T), "Apply", BindingFlags.Public | BindingFlags.Instance, @event.GetType()) is { } apply)
            {
                state = (T)Invoke(apply, state, @event);
            }
        }
        return state;
    }

    /// <summary>The method of that name taking the event, as its own type or wrapped in Marten's <see cref="IEvent{T}"/>.</summary>
    private static MethodInfo? Find(Type aggregate, string name, BindingFlags flags, Type eventType) =>
        aggregate.GetMethods(flags)
            .Where(m => m.Name == name && m.ReturnType == aggregate && m.GetParameters().Length == 1)
            .FirstOrDefault(m => Accepts(m.GetParameters()[0].ParameterType, eventType));

    private static bool Accepts(Type parameter, Type eventType) =>
        parameter.IsAssignableFrom(eventType)
        || (parameter.IsGenericType && parameter.GetGenericTypeDefinition() == typeof(IEvent<>)
                                    && parameter.GetGenericArguments()[0].IsAssignableFrom(eventType));

    private static object Invoke(MethodInfo method, object? target, object @event)
    {
        var parameter = method.GetParameters()[0].ParameterType;
        var argument = parameter.IsAssignableFrom(@event.GetType()) ? @event : Envelope(@event);
        return method.Invoke(target, [argument])!;
    }

    private static object Envelope(object data)
    {
        var envelope = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        envelope.StreamId = StreamId;
        return envelope;
    }
}
