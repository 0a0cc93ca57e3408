package dev.kindling.muc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kindling.health.XmppHealthContributor;
import dev.kindling.health.XmppHealthReport;

/**
 * Feeds the component's {@code xmpp} health: each room's state as a detail, and DOWN while a room
 * marked {@code required} is not joined, so a bot that lost its room after a reconnect is not
 * reported ready.
 */
public final class RequiredRoomsHealth implements XmppHealthContributor {

	private final MucRooms rooms;

	public RequiredRoomsHealth(MucRooms rooms) {
		this.rooms = rooms;
	}

	@Override
	public void contribute(XmppHealthReport report) {
		Map<String, String> states = new LinkedHashMap<>();
		this.rooms.status().forEach((room, status) -> states.put(room,
				status.state().name().toLowerCase(Locale.ROOT) + (status.required() ? " (required)" : "")));
		if (!states.isEmpty()) {
			report.detail("rooms", states);
		}
		List<String> missing = this.rooms.status().entrySet().stream()
			.filter((entry) -> entry.getValue().required() && entry.getValue().state() != Room.State.JOINED)
			.map(Map.Entry::getKey)
			.toList();
		if (!missing.isEmpty()) {
			report.down("required room not joined: " + String.join(", ", missing));
		}
	}

}
