package dev.kindling.muc;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

import dev.kindling.handler.HandlerMethodConfigurer;

/**
 * Handler arguments for room traffic: the {@link Room} a message comes from, the sending
 * {@link Occupant}, and its {@link Nick @Nick}. Each is {@code null} when the stanza does not come
 * from a room the bot is in (or the occupant is not known).
 */
public final class MucHandlerMethodConfigurer implements HandlerMethodConfigurer {

	private final MucRooms rooms;

	public MucHandlerMethodConfigurer(MucRooms rooms) {
		this.rooms = rooms;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new RoomResolver());
	}

	private final class RoomResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			Class<?> type = parameter.getParameterType();
			return type == Room.class || type == Occupant.class
					|| (type == String.class && parameter.hasParameterAnnotation(Nick.class));
		}

		@Override
		public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
			Packet stanza = (Packet) message.getPayload();
			JID from = stanza.getFrom();
			Room room = (from != null) ? MucHandlerMethodConfigurer.this.rooms.room(from).orElse(null) : null;
			Class<?> type = parameter.getParameterType();
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

}
