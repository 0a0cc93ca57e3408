package dev.kindling.boot.autoconfigure;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.kindling.muc.MucRooms;

/** DOWN while the bot is not in every room marked required; each room's state as details. */
final class MucRoomsHealthIndicator implements HealthIndicator {

	private final MucRooms rooms;

	MucRoomsHealthIndicator(MucRooms rooms) {
		this.rooms = rooms;
	}

	@Override
	public Health health() {
		Health.Builder builder = this.rooms.requiredRoomsJoined() ? Health.up() : Health.down();
		this.rooms.status().forEach((room, status) -> builder.withDetail(room,
				status.state().name().toLowerCase(java.util.Locale.ROOT) + (status.required() ? " (required)" : "")));
		return builder.build();
	}

}
