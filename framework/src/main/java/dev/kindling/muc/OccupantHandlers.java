package dev.kindling.muc;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.context.ApplicationListener;
import org.xmpp.packet.Presence;

import dev.kindling.handler.InboundStanza;
import dev.kindling.handler.RoomNames;
import dev.kindling.handler.StanzaHandler;
import dev.kindling.handler.XmppHeaders;
import dev.kindling.routing.StanzaRouter;
import dev.kindling.template.XmppTemplate;

/**
 * The {@link OnOccupant @OnOccupant} methods, invoked on each {@link OccupantEvent} (on the room's
 * lane, where {@link RoomTracker} publishes it) through the {@link StanzaRouter}, like every other
 * handler: every method whose kinds and rooms take the change runs, in {@code @Order}.
 */
public final class OccupantHandlers implements ApplicationListener<OccupantEvent> {

	private final Supplier<StanzaRouter> router;

	private final Supplier<XmppTemplate> template;

	private volatile List<Endpoint> endpoints = List.of();

	/**
	 * @param router the router, looked up at the first event: as an application listener this bean
	 * is made early, and must not make the routing (and its argument resolvers) early with it
	 * @param template the template handlers reply through, likewise
	 */
	public OccupantHandlers(Supplier<StanzaRouter> router, Supplier<XmppTemplate> template) {
		this.router = router;
		this.template = template;
	}

	/**
	 * Add a method made by {@link OnOccupantAnnotationBeanPostProcessor}.
	 * @param kinds the changes it takes, empty for all
	 * @param rooms bare JIDs or room names it takes changes in, empty for all
	 */
	synchronized void register(StanzaHandler handler, Set<OccupantEvent.Kind> kinds, Set<String> rooms) {
		List<Endpoint> endpoints = new ArrayList<>(this.endpoints);
		endpoints.add(new Endpoint(handler, kinds.isEmpty() ? EnumSet.allOf(OccupantEvent.Kind.class) : EnumSet.copyOf(kinds),
				Set.copyOf(rooms)));
		endpoints.sort((a, b) -> (a.handler.order() != b.handler.order()) ? Integer.compare(a.handler.order(), b.handler.order())
				: a.handler.name().compareTo(b.handler.name()));
		this.endpoints = List.copyOf(endpoints);
	}

	/** Every {@code @OnOccupant} method, in the order they run. */
	public List<StanzaHandler> handlers() {
		return this.endpoints.stream().map(Endpoint::handler).toList();
	}

	@Override
	public void onApplicationEvent(OccupantEvent event) {
		List<Endpoint> endpoints = this.endpoints;
		if (endpoints.isEmpty()) {
			return;
		}
		Presence presence = null;
		for (Endpoint endpoint : endpoints) {
			if (endpoint.takes(event)) {
				XmppTemplate template = this.template.get();
				presence = (presence != null) ? presence : presenceOf(event, template);
				this.router.get()
					.dispatch(endpoint.handler, new InboundStanza(presence, null, template, Map.of(XmppHeaders.EVENT, event)));
			}
		}
	}

	/** The room's presence behind the event, or one made like it for an event published by hand. */
	private static Presence presenceOf(OccupantEvent event, XmppTemplate template) {
		Presence presence = event.getPresence();
		if (presence != null) {
			return presence;
		}
		Presence made = new Presence((event.getKind() == OccupantEvent.Kind.LEFT) ? Presence.Type.unavailable : null);
		made.setFrom(event.getOccupant().address());
		made.setTo(template.componentJid());
		return made;
	}

	private record Endpoint(StanzaHandler handler, Set<OccupantEvent.Kind> kinds, Set<String> rooms) {

		boolean takes(OccupantEvent event) {
			if (!this.kinds.contains(event.getKind())) {
				return false;
			}
			return this.rooms.isEmpty() || RoomNames.contains(this.rooms, event.getRoom().jid());
		}

	}

}
