package dev.kindling.handler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

	/**
	 * The documented rank: an explicit {@code @Order} first (lower first, 0 without one), then the
	 * specificity points, then the longer literal text of a body pattern; the method name breaks
	 * the remaining ties so the order is total and the same on every start.
	 */
	private static final Comparator<StanzaHandler> BY_RANK = Comparator.comparingInt(StanzaHandler::order)
		.thenComparing(Comparator.comparingInt((StanzaHandler handler) -> handler.condition().specificity()).reversed())
		.thenComparing(Comparator.comparingInt((StanzaHandler handler) -> handler.condition().literalLength()).reversed())
		.thenComparing(StanzaHandler::name);

	/** Pairs of equally ranked handlers already reported for taking the same stanza. */
	private final Set<String> reportedTies = ConcurrentHashMap.newKeySet();

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
		if (condition instanceof EndpointCondition) {
			throw new IllegalArgumentException(handler + " is called by its module, not routed");
		}
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
		handlers.sort(BY_RANK);
		for (int i = 0; i < handlers.size(); i++) {
			for (int j = i + 1; j < handlers.size(); j++) {
				StanzaHandler a = handlers.get(i);
				StanzaHandler b = handlers.get(j);
				if (sameRank(a, b) && a.condition().overlaps(b.condition())) {
					throw new HandlerDefinitionException("Ambiguous stanza handlers: " + a + " and " + b
							+ " would take the same stanzas; narrow one of them or give one an @Order");
				}
			}
		}
	}

	private static boolean sameRank(StanzaHandler a, StanzaHandler b) {
		return a.order() == b.order() && a.condition().specificity() == b.condition().specificity()
				&& a.condition().literalLength() == b.condition().literalLength();
	}

	/**
	 * The handler for a stanza, or {@code null} when none takes it: the first in rank order that
	 * matches. When another handler of the very same rank matches too (two different body patterns
	 * that startup could not compare), the first by method name wins and a WARN names both, once.
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

	private @Nullable Route first(List<StanzaHandler> ranked, Packet stanza) {
		Route found = null;
		for (StanzaHandler handler : ranked) {
			if (found != null && !sameRank(found.handler(), handler)) {
				break;
			}
			Object match = handler.condition().match(stanza);
			if (match == null) {
				continue;
			}
			if (found != null) {
				reportTie(found.handler(), handler);
				continue;
			}
			found = new Route(handler, (match instanceof Matcher matcher) ? matcher : null);
		}
		return found;
	}

	private void reportTie(StanzaHandler taken, StanzaHandler passed) {
		if (this.reportedTies.add(taken.name() + " " + passed.name())) {
			logger.warn("{} and {} both match a stanza and rank the same; {} takes it (first by name). "
					+ "Give one of them an @Order, or make its pattern more specific, to choose", taken, passed,
					taken.name());
		}
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
