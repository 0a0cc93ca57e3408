package dev.kindling.muc;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.HandlerMethodReturnValueHandler;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

import dev.kindling.handler.ArgumentDescription;
import dev.kindling.handler.EndpointMapping;
import dev.kindling.handler.HandlerMethodConfigurer;
import dev.kindling.handler.InboundStanza;
import dev.kindling.handler.StanzaKind;
import dev.kindling.handler.XmppHeaders;

/**
 * Handler arguments for room traffic: the {@link Room} a message comes from, the sending
 * {@link Occupant}, and its {@link Nick @Nick}. Each is {@code null} when the stanza does not come
 * from a room the bot is in (or the occupant is not known). On {@link OnOccupant @OnOccupant}
 * methods they come from the {@link OccupantEvent} (the occupant concerned, also once it left),
 * which binds as well, with the {@link Previous @Previous} occupant; a returned {@code String} is
 * said in the room.
 */
public final class MucHandlerMethodConfigurer implements HandlerMethodConfigurer {

	private final MucRooms rooms;

	public MucHandlerMethodConfigurer(MucRooms rooms) {
		this.rooms = rooms;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new OccupantEventResolver());
		resolvers.add(new RoomResolver());
	}

	@Override
	public void addReturnValueHandlers(List<HandlerMethodReturnValueHandler> handlers) {
		handlers.add(new SayInRoomHandler());
	}

	private static boolean onOccupant(MethodParameter parameter) {
		EndpointMapping mapping = EndpointMapping.of(parameter);
		return mapping != null && mapping.annotation() == OnOccupant.class;
	}

	private static @Nullable OccupantEvent event(Message<?> message) {
		return (message instanceof InboundStanza inbound && inbound.fact(XmppHeaders.EVENT) instanceof OccupantEvent event) ? event : null;
	}

	/** On {@code @OnOccupant} methods: the event itself and the {@code @Previous} occupant. */
	private static final class OccupantEventResolver implements HandlerMethodArgumentResolver, ArgumentDescription {

		@Override
		public @Nullable String describe(StanzaKind kind) {
			return (kind == StanzaKind.PRESENCE) ? "on @OnOccupant, the OccupantEvent and the @Previous Occupant" : null;
		}

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			Class<?> type = parameter.getParameterType();
			return onOccupant(parameter) && (OccupantEvent.class.isAssignableFrom(type)
					|| (type == Occupant.class && parameter.hasParameterAnnotation(Previous.class)));
		}

		@Override
		public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
			OccupantEvent event = event(message);
			if (event == null) {
				return null;
			}
			return (parameter.getParameterType() == Occupant.class) ? event.getPrevious() : event;
		}

	}

	private final class RoomResolver implements HandlerMethodArgumentResolver, ArgumentDescription {

		@Override
		public String describe(StanzaKind kind) {
			return "the Room, the Occupant, @Nick String";
		}

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			Class<?> type = parameter.getParameterType();
			return type == Room.class || (type == Occupant.class && !parameter.hasParameterAnnotation(Previous.class))
					|| (type == String.class && parameter.hasParameterAnnotation(Nick.class));
		}

		@Override
		public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
			Class<?> type = parameter.getParameterType();
			OccupantEvent event = event(message);
			if (event != null) {
				// The occupant concerned, also once it has left the room's view.
				return (type == Room.class) ? event.getRoom()
						: (type == Occupant.class) ? event.getOccupant() : event.getOccupant().nick();
			}
			Packet stanza = (Packet) message.getPayload();
			JID from = stanza.getFrom();
			Room room = (from != null) ? MucHandlerMethodConfigurer.this.rooms.room(from).orElse(null) : null;
			if (room == null) {
				return null;
			}
			if (type == Room.class) {
				return room;
			}
			if (type == Occupant.class) {
				return room.occupantOf(stanza).orElse(null);
			}
			return from.getResource();
		}

	}

	/** A {@code String} returned by an {@code @OnOccupant} method is said in the room. */
	private static final class SayInRoomHandler implements HandlerMethodReturnValueHandler {

		@Override
		public boolean supportsReturnType(MethodParameter returnType) {
			return returnType.getNestedParameterType() == String.class && onOccupant(returnType);
		}

		@Override
		public void handleReturnValue(@Nullable Object returnValue, MethodParameter returnType, Message<?> message) {
			OccupantEvent event = event(message);
			if (returnValue != null && event != null) {
				event.getRoom().send((String) returnValue);
			}
		}

	}

}
