package dev.kindling.disco;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.XmppErrorException;
import dev.kindling.handler.HandlerRegistry;
import dev.kindling.handler.IqType;
import dev.kindling.handler.OnIq;

/**
 * Answers disco#info with the component's identity and every feature it serves (the namespaces
 * of all {@code @OnIq} handlers, this one included, plus what {@link DiscoFeatureProvider}s add),
 * and disco#items with what the {@link DiscoItemsProvider}s contribute.
 */
public class DiscoHandlers {

	public static final String INFO = "http://jabber.org/protocol/disco#info";

	public static final String ITEMS = "http://jabber.org/protocol/disco#items";

	private final ServiceIdentity identity;

	private final HandlerRegistry registry;

	private final List<DiscoFeatureProvider> featureProviders;

	private final List<DiscoItemsProvider> itemsProviders;

	public DiscoHandlers(ServiceIdentity identity, HandlerRegistry registry, List<DiscoFeatureProvider> featureProviders,
			List<DiscoItemsProvider> itemsProviders) {
		this.identity = identity;
		this.registry = registry;
		this.featureProviders = featureProviders;
		this.itemsProviders = itemsProviders;
	}

	@OnIq(namespace = INFO, element = "query", type = IqType.GET)
	public Element info(IQ request, Element query) {
		String node = query.attributeValue("node");
		if (node != null) {
			throw new XmppErrorException(Condition.item_not_found, "No such node: " + node);
		}
		Element answer = DocumentHelper.createElement(QName.get("query", INFO));
		answer.addElement("identity")
			.addAttribute("category", this.identity.category())
			.addAttribute("type", this.identity.type())
			.addAttribute("name", this.identity.name());
		for (String feature : features()) {
			answer.addElement("feature").addAttribute("var", feature);
		}
		return answer;
	}

	@OnIq(namespace = ITEMS, element = "query", type = IqType.GET)
	public Element items(IQ request, Element query) {
		String node = query.attributeValue("node");
		Element answer = DocumentHelper.createElement(QName.get("query", ITEMS));
		if (node != null) {
			answer.addAttribute("node", node);
		}
		for (DiscoItemsProvider provider : this.itemsProviders) {
			for (DiscoItem item : provider.items(request.getFrom(), request.getTo(), node)) {
				Element element = answer.addElement("item").addAttribute("jid", item.jid().toString());
				if (item.name() != null) {
					element.addAttribute("name", item.name());
				}
				if (item.node() != null) {
					element.addAttribute("node", item.node());
				}
			}
		}
		return answer;
	}

	/** Every feature announced, sorted. */
	public Set<String> features() {
		Set<String> features = new TreeSet<>(this.registry.iqNamespaces());
		features.add(INFO);
		features.add(ITEMS);
		this.featureProviders.forEach((provider) -> features.addAll(provider.features()));
		return features;
	}

}
