package dev.kindling.handler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import org.dom4j.Element;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * The routing table: every handler, ranked by specificity per kind of stanza (IQ handlers also by
 * namespace). Built once at startup, where overlapping handlers of equal rank fail with both
 * names, and the table is logged; read-only afterwards.
 */
public final class HandlerRegistry {

	private static final Logger logger = LoggerFactory.getLogger(HandlerRegistry.class);

	private static final Comparator<StanzaHandler> BY_SPECIFICITY = Comparator
		.comparingInt((StanzaHandler handler) -> handler.condition().specificity()).reversed()
		.thenComparing(StanzaHandler::name);

	private final List<StanzaHandler> messageHandlers = new ArrayList<>();

	private final Map<String, List<StanzaHandler>> iqHandlers = new LinkedHashMap<>();

	private final List<StanzaHandler> presenceHandlers = new ArrayList<>();

	private volatile boolean frozen;

	/** Add a handler; only before {@link #freeze()}. */
	public synchronized void register(StanzaHandler handler) {
		if (this.frozen) {
			throw new IllegalStateException("The handler table is already built; cannot add " + handler.name());
		}
		StanzaCondition condition = handler.condition();
		if (condition instanceof MessageCondition) {
			this.messageHandlers.add(handler);
		}
		else if (condition instanceof IqCondition iq) {
			this.iqHandlers.computeIfAbsent(iq.namespace(), (ns) -> new ArrayList<>()).add(handler);
		}
		else {
			this.presenceHandlers.add(handler);
		}
	}

	/**
	 * Rank and check the handlers and log the table.
	 * @throws HandlerDefinitionException when two handlers of equal rank could take the same stanza
	 */
	public synchronized void freeze() {
		if (this.frozen) {
			return;
		}
		rankAndCheck(this.messageHandlers);
		this.iqHandlers.values().forEach(HandlerRegistry::rankAndCheck);
		rankAndCheck(this.presenceHandlers);
		this.frozen = true;
		List<StanzaHandler> all = handlers();
		logger.info("Kindling mapped {} stanza handler{}{}", all.size(), (all.size() == 1) ? "" : "s",
				all.isEmpty() ? "" : ":");
		all.forEach((handler) -> logger.info("  {}", handler));
	}

	private static void rankAndCheck(List<StanzaHandler> handlers) {
		handlers.sort(BY_SPECIFICITY);
		for (int i = 0; i < handlers.size(); i++) {
			for (int j = i + 1; j < handlers.size(); j++) {
				StanzaHandler a = handlers.get(i);
				StanzaHandler b = handlers.get(j);
				if (a.condition().specificity() == b.condition().specificity() && a.condition().overlaps(b.condition())) {
					throw new HandlerDefinitionException("Ambiguous stanza handlers: " + a + " and " + b
							+ " would take the same stanzas; narrow one of them");
				}
			}
		}
	}

	/**
	 * The handler for a stanza, or {@code null} when none takes it.
	 * @throws IllegalStateException when two handlers of equal rank both match this stanza
	 */
	public @Nullable Route lookup(Packet stanza) {
		if (stanza instanceof Message) {
			return first(this.messageHandlers, stanza);
		}
		if (stanza instanceof IQ iq) {
			Element child = iq.getChildElement();
			List<StanzaHandler> candidates = (child != null) ? this.iqHandlers.get(child.getNamespaceURI()) : null;
			return (candidates != null) ? first(candidates, stanza) : null;
		}
		if (stanza instanceof Presence) {
			return first(this.presenceHandlers, stanza);
		}
		return null;
	}

	private static @Nullable Route first(List<StanzaHandler> ranked, Packet stanza) {
		Route found = null;
		for (StanzaHandler handler : ranked) {
			if (found != null && handler.condition().specificity() < found.handler().condition().specificity()) {
				break;
			}
			Object match = handler.condition().match(stanza);
			if (match == null) {
				continue;
			}
			if (found != null) {
				throw new IllegalStateException("Ambiguous stanza handlers for " + stanza.getElement().getName() + " from "
						+ stanza.getFrom() + ": " + found.handler() + " and " + handler);
			}
			found = new Route(handler, (match instanceof Matcher matcher) ? matcher : null);
		}
		return found;
	}

	/** Namespaces of all IQ handlers, for disco#info. */
	public Set<String> iqNamespaces() {
		return Collections.unmodifiableSet(new LinkedHashSet<>(this.iqHandlers.keySet()));
	}

	/** Every handler, messages first, then IQs by namespace, then presences. */
	public List<StanzaHandler> handlers() {
		List<StanzaHandler> all = new ArrayList<>(this.messageHandlers);
		this.iqHandlers.values().forEach(all::addAll);
		all.addAll(this.presenceHandlers);
		return all;
	}

	/** A handler chosen for a stanza, with what its body pattern captured. */
	public record Route(StanzaHandler handler, @Nullable Matcher bodyMatch) {
	}

}
