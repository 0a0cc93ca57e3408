package dev.kindling.pubsub;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import org.dom4j.Element;
import org.dom4j.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

import dev.kindling.handler.HandlerDefinitionException;
import dev.kindling.handler.OnMessage;
import dev.kindling.handler.StanzaHandlerFactory;
import dev.kindling.payload.PayloadMapper;
import dev.kindling.routing.StanzaRouter;

/**
 * Takes every message carrying a pubsub {@code event} (one {@code @OnMessage} handler for the
 * namespace) and calls the matching {@link OnPubSubEvent @OnPubSubEvent} methods once per item,
 * through the {@link StanzaRouter} like every handler (same arguments, metrics and
 * {@code @XmppExceptionHandler} methods). A failure no exception handler takes is logged; events
 * are never answered with errors (they are notifications).
 */
public final class PubSubEventDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(PubSubEventDispatcher.class);

	private final PayloadMapper payloads;

	private final StanzaHandlerFactory factory;

	private final StanzaRouter router;

	private final List<PubSubEventHandler> handlers = new CopyOnWriteArrayList<>();

	/**
	 * @param factory builds the endpoints, with the resolvers of every handler
	 * @param router calls them, observed and with the exception handlers
	 */
	public PubSubEventDispatcher(PayloadMapper payloads, StanzaHandlerFactory factory, StanzaRouter router) {
		this.payloads = payloads;
		this.factory = factory;
		this.router = router;
	}

	/**
	 * Add an {@code @OnPubSubEvent} method.
	 * @throws HandlerDefinitionException when a parameter cannot be bound or the node pattern is invalid
	 */
	public void register(Object bean, Method method) {
		register(bean, method, UnaryOperator.identity());
	}

	/** {@link #register(Object, Method)} resolving {@code ${…}} placeholders in the node and service. */
	public void register(Object bean, Method method, UnaryOperator<String> placeholders) {
		PubSubEventHandler handler = PubSubEventHandler.of(bean, method, this.factory, this.payloads, placeholders);
		this.handlers.add(handler);
		logger.info("Kindling mapped {}", handler);
	}

	public List<String> mappings() {
		return this.handlers.stream().map(PubSubEventHandler::toString).toList();
	}

	@OnMessage(extension = PubSubTemplate.EVENT)
	public void onEvent(Message message) {
		Element event = message.getChildElement("event", PubSubTemplate.EVENT);
		JID service = message.getFrom();
		if (event == null || service == null) {
			return;
		}
		for (PubSubEvent notification : notifications(service, event)) {
			dispatch(message, notification);
		}
	}

	static List<PubSubEvent> notifications(JID service, Element event) {
		List<PubSubEvent> found = new ArrayList<>();
		for (Element child : event.elements()) {
			String node = child.attributeValue("node");
			if (node == null) {
				continue;
			}
			switch (child.getName()) {
				case "items" -> {
					for (Element item : child.elements()) {
						if (item.getName().equals("item")) {
							PubSubItem parsed = PubSubParsing.item(node, item);
							found.add(new PubSubEvent(service, node, PubSubEvent.Kind.ITEM, item.attributeValue("id"),
									parsed.payload(), parsed.publisher()));
						}
						else if (item.getName().equals("retract")) {
							found.add(new PubSubEvent(service, node, PubSubEvent.Kind.RETRACT, item.attributeValue("id"), null,
									null));
						}
					}
				}
				case "purge" -> found.add(new PubSubEvent(service, node, PubSubEvent.Kind.PURGE, null, null, null));
				case "delete" -> found.add(new PubSubEvent(service, node, PubSubEvent.Kind.DELETE, null, null, null));
				default -> logger.debug("Ignoring pubsub event <{}> on node {}", child.getName(), node);
			}
		}
		return found;
	}

	private void dispatch(Message message, PubSubEvent event) {
		QName payloadName = (event.payload() != null) ? event.payload().getQName() : null;
		boolean taken = false;
		for (PubSubEventHandler handler : this.handlers) {
			if (!handler.takes(event, payloadName)) {
				continue;
			}
			taken = true;
			Throwable failure = this.router.invokeNotification(handler.endpoint(), message,
					Map.of(PubSubEventHandler.EVENT, event));
			if (failure != null) {
				logger.error("{} failed on {} of node {} from {}", handler.name(), event.kind(), event.node(), event.service(),
						failure);
			}
		}
		if (!taken) {
			logger.debug("No @OnPubSubEvent handler for {} on node {} from {}", event.kind(), event.node(), event.service());
		}
	}

}
