package dev.kindling.pubsub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.jspecify.annotations.Nullable;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError.Condition;
import org.xmpp.packet.PacketExtension;

import dev.kindling.XmppErrorException;
import dev.kindling.forms.FormBuilder;
import dev.kindling.forms.FormReader;
import dev.kindling.payload.PayloadMapper;
import dev.kindling.template.XmppTemplate;

/**
 * Publish-subscribe (XEP-0060) operations against one pubsub service, on the component's
 * {@link XmppTemplate#request IQ requests}: every method returns a future that completes with the
 * answer, or exceptionally with a {@link PubSubErrorException} (the service refused, with a hint
 * where the usual cause is its configuration), a {@link dev.kindling.RequestTimeoutException} or a
 * {@link dev.kindling.StanzaNotSentException}.
 *
 * <p>Requests are sent from the component's bare domain: servers grant node creation and
 * ownership to that address (Prosody matches its pubsub {@code admins} on the bare {@code from}).
 */
public final class PubSubTemplate {

	public static final String NAMESPACE = "http://jabber.org/protocol/pubsub";

	public static final String OWNER = NAMESPACE + "#owner";

	public static final String EVENT = NAMESPACE + "#event";

	public static final String NODE_CONFIG = NAMESPACE + "#node_config";

	public static final String PUBLISH_OPTIONS = NAMESPACE + "#publish-options";

	private final XmppTemplate template;

	private final JID service;

	private final PayloadMapper payloads;

	private final @Nullable Duration timeout;

	private final @Nullable JID sender;

	/**
	 * @param timeout how long to wait for the service's answer, or {@code null} for the
	 * {@link XmppTemplate}'s default
	 * @param sender the address the requests come from, or {@code null} for the component's own
	 */
	public PubSubTemplate(XmppTemplate template, JID service, PayloadMapper payloads, @Nullable Duration timeout,
			@Nullable JID sender) {
		this.template = template;
		this.service = service;
		this.payloads = payloads;
		this.timeout = timeout;
		this.sender = sender;
	}

	/** The pubsub service this template talks to. */
	public JID service() {
		return this.service;
	}

	/** The same operations against another pubsub service (or a PEP account). */
	public PubSubTemplate forService(JID service) {
		return new PubSubTemplate(this.template, service, this.payloads, this.timeout, this.sender);
	}

	/**
	 * The same operations sent from another address of the component's domain, e.g.
	 * {@code referee@bot.example.com}: the service then judges that address's affiliations (on
	 * Prosody it may not create nodes, and may publish only where it was made a publisher).
	 */
	public PubSubTemplate as(JID sender) {
		return new PubSubTemplate(this.template, this.service, this.payloads, this.timeout, sender);
	}

	/** The address requests are sent from: the component's bare domain unless {@link #as} says otherwise. */
	public JID sender() {
		return (this.sender != null) ? this.sender : this.template.componentJid();
	}

	// Nodes

	/** Create a node with the service's default configuration. */
	public CompletableFuture<Void> createNode(String node) {
		return createNode(node, NodeConfiguration.defaults());
	}

	/** Create a node with the given configuration ({@code pubsub#node_config} fields). */
	public CompletableFuture<Void> createNode(String node, NodeConfiguration configuration) {
		Element pubsub = pubsub(NAMESPACE);
		pubsub.addElement("create").addAttribute("node", node);
		if (!configuration.isEmpty()) {
			// XEP-0060 allows an empty <configure/>, but Prosody refuses it ("Missing dataform").
			pubsub.addElement("configure").add(submitForm(NODE_CONFIG, configuration.fields()));
		}
		return call("create", node, set(pubsub), (result) -> null);
	}

	/**
	 * Create the node unless it exists: completes with {@code true} when it was created, {@code false}
	 * when it was there already (its configuration is left as it is).
	 */
	public CompletableFuture<Boolean> createNodeIfAbsent(String node, NodeConfiguration configuration) {
		return createNode(node, configuration).handle((created, ex) -> {
			if (ex == null) {
				return true;
			}
			Throwable cause = unwrap(ex);
			if (cause instanceof XmppErrorException error && error.getCondition() == Condition.conflict) {
				return false;
			}
			throw (cause instanceof RuntimeException runtime) ? runtime : new CompletionException(cause);
		});
	}

	/** The node's current configuration. */
	public CompletableFuture<NodeConfiguration> getConfiguration(String node) {
		Element pubsub = pubsub(OWNER);
		pubsub.addElement("configure").addAttribute("node", node);
		return call("get configuration", node, get(pubsub),
				(result) -> new NodeConfiguration(formValues(child(result, "configure"))));
	}

	/** Change the given fields of the node's configuration; others stay as they are. */
	public CompletableFuture<Void> configure(String node, NodeConfiguration changes) {
		Element pubsub = pubsub(OWNER);
		pubsub.addElement("configure").addAttribute("node", node).add(submitForm(NODE_CONFIG, changes.fields()));
		return call("configure", node, set(pubsub), (result) -> null);
	}

	/** Delete the node; subscribers are notified. */
	public CompletableFuture<Void> deleteNode(String node) {
		Element pubsub = pubsub(OWNER);
		pubsub.addElement("delete").addAttribute("node", node);
		return call("delete", node, set(pubsub), (result) -> null);
	}

	/** Remove every item of the node. */
	public CompletableFuture<Void> purge(String node) {
		Element pubsub = pubsub(OWNER);
		pubsub.addElement("purge").addAttribute("node", node);
		return call("purge", node, set(pubsub), (result) -> null);
	}

	// Items

	/**
	 * Publish an item; completes with its id (the service assigns one when {@code itemId} is null).
	 * @param payload a dom4j {@link Element}, a {@link PacketExtension} or an
	 * {@link dev.kindling.payload.XmppPayload @XmppPayload} object
	 */
	public CompletableFuture<String> publish(String node, @Nullable String itemId, Object payload) {
		return publish(node, itemId, payload, NodeConfiguration.defaults());
	}

	/**
	 * Publish with preconditions: the service refuses ({@code conflict}) when the node's
	 * configuration does not match the publish options.
	 */
	public CompletableFuture<String> publish(String node, @Nullable String itemId, Object payload,
			NodeConfiguration publishOptions) {
		Element pubsub = pubsub(NAMESPACE);
		Element item = pubsub.addElement("publish").addAttribute("node", node).addElement("item");
		if (itemId != null) {
			item.addAttribute("id", itemId);
		}
		item.add(element(payload));
		if (!publishOptions.isEmpty()) {
			pubsub.addElement("publish-options").add(submitForm(PUBLISH_OPTIONS, publishOptions.fields()));
		}
		String operation = publishOptions.isEmpty() ? "publish" : "publish with options";
		return call(operation, node, set(pubsub), (result) -> {
			Element published = child(result, "publish");
			Element answered = (published != null) ? published.element("item") : null;
			String id = (answered != null) ? answered.attributeValue("id") : null;
			return (id != null) ? id : (itemId != null) ? itemId : "";
		});
	}

	/** Retract an item; {@code notify} asks the service to tell the subscribers. */
	public CompletableFuture<Void> retract(String node, String itemId, boolean notify) {
		Element pubsub = pubsub(NAMESPACE);
		Element retract = pubsub.addElement("retract").addAttribute("node", node);
		if (notify) {
			retract.addAttribute("notify", "true");
		}
		retract.addElement("item").addAttribute("id", itemId);
		return call("retract", node, set(pubsub), (result) -> null);
	}

	/** Every item the service keeps for the node. */
	public CompletableFuture<List<PubSubItem>> items(String node) {
		return items(node, 0);
	}

	/** The {@code max} most recent items ({@code 0} for all). */
	public CompletableFuture<List<PubSubItem>> items(String node, int max) {
		Element pubsub = pubsub(NAMESPACE);
		Element items = pubsub.addElement("items").addAttribute("node", node);
		if (max > 0) {
			items.addAttribute("max_items", Integer.toString(max));
		}
		return call("retrieve items", node, get(pubsub), (result) -> items(node, result));
	}

	/** The items with the given ids (those that exist). */
	public CompletableFuture<List<PubSubItem>> items(String node, List<String> itemIds) {
		Element pubsub = pubsub(NAMESPACE);
		Element items = pubsub.addElement("items").addAttribute("node", node);
		itemIds.forEach((id) -> items.addElement("item").addAttribute("id", id));
		return call("retrieve items", node, get(pubsub), (result) -> items(node, result));
	}

	/** An item's payload bound to an {@link dev.kindling.payload.XmppPayload @XmppPayload} type. */
	public <T> T payload(PubSubItem item, Class<T> type) {
		if (item.payload() == null) {
			throw new IllegalArgumentException("Item '" + item.id() + "' of node '" + item.node() + "' has no payload");
		}
		return this.payloads.fromElement(item.payload(), type);
	}

	// Subscriptions and affiliations

	/** Subscribe an address (the component's own, or a user's bare JID) to the node. */
	public CompletableFuture<Subscription> subscribe(String node, JID subscriber) {
		Element pubsub = pubsub(NAMESPACE);
		pubsub.addElement("subscribe").addAttribute("node", node).addAttribute("jid", subscriber.toString());
		return call("subscribe", node, set(pubsub), (result) -> {
			Element subscription = child(result, "subscription");
			return (subscription != null) ? PubSubParsing.subscription(node, subscription)
					: new Subscription(node, subscriber, Subscription.State.SUBSCRIBED, null);
		});
	}

	/** Remove an address's subscription to the node. */
	public CompletableFuture<Void> unsubscribe(String node, JID subscriber) {
		Element pubsub = pubsub(NAMESPACE);
		pubsub.addElement("unsubscribe").addAttribute("node", node).addAttribute("jid", subscriber.toString());
		return call("unsubscribe", node, set(pubsub), (result) -> null);
	}

	/** The component's own subscriptions on the service. */
	public CompletableFuture<List<Subscription>> subscriptions() {
		Element pubsub = pubsub(NAMESPACE);
		pubsub.addElement("subscriptions");
		return call("list own subscriptions", null, get(pubsub), (result) -> PubSubParsing.subscriptions(null, result));
	}

	/** Every subscription to the node (owner only). */
	public CompletableFuture<List<Subscription>> subscriptions(String node) {
		Element pubsub = pubsub(OWNER);
		pubsub.addElement("subscriptions").addAttribute("node", node);
		return call("list subscriptions", node, get(pubsub), (result) -> PubSubParsing.subscriptions(node, result));
	}

	/** Set a subscriber's state, e.g. approve ({@code SUBSCRIBED}) or remove ({@code NONE}) (owner only). */
	public CompletableFuture<Void> setSubscription(String node, JID subscriber, Subscription.State state) {
		Element pubsub = pubsub(OWNER);
		pubsub.addElement("subscriptions").addAttribute("node", node).addElement("subscription")
			.addAttribute("jid", subscriber.toString()).addAttribute("subscription", state.toXmpp());
		return call("set subscription", node, set(pubsub), (result) -> null);
	}

	/** The component's own affiliations on the service. */
	public CompletableFuture<List<Affiliation>> affiliations() {
		Element pubsub = pubsub(NAMESPACE);
		pubsub.addElement("affiliations");
		return call("list own affiliations", null, get(pubsub),
				(result) -> PubSubParsing.affiliations(null, sender(), result));
	}

	/** Every affiliation with the node (owner only). */
	public CompletableFuture<List<Affiliation>> affiliations(String node) {
		Element pubsub = pubsub(OWNER);
		pubsub.addElement("affiliations").addAttribute("node", node);
		return call("list affiliations", node, get(pubsub),
				(result) -> PubSubParsing.affiliations(node, sender(), result));
	}

	/** Grant or remove an affiliation, e.g. let a user publish (owner only). */
	public CompletableFuture<Void> setAffiliation(String node, JID entity, Affiliation.Type type) {
		Element pubsub = pubsub(OWNER);
		pubsub.addElement("affiliations").addAttribute("node", node).addElement("affiliation")
			.addAttribute("jid", entity.toString()).addAttribute("affiliation", type.toXmpp());
		return call("set affiliation", node, set(pubsub), (result) -> null);
	}

	// Plumbing

	private Element element(Object payload) {
		if (payload instanceof Element element) {
			return element.createCopy();
		}
		if (payload instanceof PacketExtension extension) {
			return extension.getElement().createCopy();
		}
		return this.payloads.toElement(payload);
	}

	private static Element pubsub(String namespace) {
		return DocumentHelper.createElement(QName.get("pubsub", namespace));
	}

	private IQ get(Element child) {
		return request(IQ.Type.get, child);
	}

	private IQ set(Element child) {
		return request(IQ.Type.set, child);
	}

	private IQ request(IQ.Type type, Element child) {
		IQ iq = new IQ(type);
		iq.setTo(this.service);
		// The bare domain unless told otherwise: that is whom the service lets create and own nodes.
		iq.setFrom(sender());
		iq.setChildElement(child);
		return iq;
	}

	private static @Nullable Element child(IQ result, String name) {
		Element pubsub = result.getChildElement();
		return (pubsub != null) ? pubsub.element(name) : null;
	}

	private static List<PubSubItem> items(String node, IQ result) {
		Element items = child(result, "items");
		List<PubSubItem> found = new ArrayList<>();
		if (items != null) {
			for (Element item : items.elements("item")) {
				found.add(PubSubParsing.item(node, item));
			}
		}
		return found;
	}

	private <T> CompletableFuture<T> call(String operation, @Nullable String node, IQ request, Function<IQ, T> answer) {
		CompletableFuture<IQ> sent = (this.timeout != null) ? this.template.request(request, this.timeout)
				: this.template.request(request);
		return sent.handle((result, ex) -> {
			if (ex == null) {
				return answer.apply(result);
			}
			Throwable cause = unwrap(ex);
			if (cause instanceof XmppErrorException error) {
				throw new PubSubErrorException(operation, node, error,
						PubSubHints.hint(operation, error.getCondition(), this.service, request.getFrom()));
			}
			throw (cause instanceof RuntimeException runtime) ? runtime : new CompletionException(cause);
		});
	}

	static Throwable unwrap(Throwable ex) {
		Throwable cause = ex;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static Element submitForm(String formType, Map<String, List<String>> values) {
		FormBuilder form = FormBuilder.submit(formType);
		values.forEach((var, list) -> form.field(var, null, list));
		return form.build().getElement().createCopy();
	}

	private static Map<String, List<String>> formValues(@Nullable Element parent) {
		return FormReader.find(parent).map(FormReader::values).orElseGet(Map::of);
	}

}
