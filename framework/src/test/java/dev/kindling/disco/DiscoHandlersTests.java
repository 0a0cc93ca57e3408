package dev.kindling.disco;

import java.util.ArrayList;
import java.util.List;

import org.dom4j.Element;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.builtin.PingHandler;
import dev.kindling.handler.HandlerRegistry;
import dev.kindling.handler.IqType;
import dev.kindling.handler.OnIq;
import dev.kindling.handler.StanzaHandlerFactory;
import dev.kindling.handler.XmppExceptionHandlers;
import dev.kindling.observe.StanzaObserver;
import dev.kindling.routing.StanzaRouter;
import dev.kindling.template.PendingRequests;
import dev.kindling.testsupport.CapturingXmppTemplate;
import dev.kindling.testsupport.Stanzas;
import dev.kindling.testsupport.TestRouting;

import static org.assertj.core.api.Assertions.assertThat;

class DiscoHandlersTests {

	private static final String USER = "alice@example.com/phone";

	private static final String BOT = "bot.example.com";

	private final CapturingXmppTemplate template = new CapturingXmppTemplate(BOT);

	private final List<String> itemRequests = new ArrayList<>();

	@Test
	void infoAnnouncesTheIdentityAndEveryServedFeature() {
		StanzaRouter router = router(List.of(() -> List.of("urn:example:extra", "jabber:x:data")), List.of());
		IQ request = Stanzas.get(USER, BOT, "query", DiscoHandlers.INFO);

		router.route(request);

		IQ result = (IQ) this.template.single();
		assertThat(result.getType()).isEqualTo(IQ.Type.result);
		assertThat(result.getID()).isEqualTo(request.getID());
		Element query = result.getChildElement();
		assertThat(query.getName()).isEqualTo("query");
		assertThat(query.getNamespaceURI()).isEqualTo(DiscoHandlers.INFO);
		List<Element> identities = query.elements("identity");
		assertThat(identities).hasSize(1);
		assertThat(identities.get(0).attributeValue("category")).isEqualTo("component");
		assertThat(identities.get(0).attributeValue("type")).isEqualTo("bot");
		assertThat(identities.get(0).attributeValue("name")).isEqualTo("Referee");
		assertThat(features(query)).containsExactlyInAnyOrder(DiscoHandlers.INFO, DiscoHandlers.ITEMS, PingHandler.NAMESPACE,
				"urn:example:score", "urn:example:extra", "jabber:x:data");
	}

	@Test
	void featuresAreTheHandlerNamespacesPlusDiscoPlusProvidedOnesWithoutDuplicates() {
		HandlerRegistry registry = new HandlerRegistry();
		DiscoHandlers disco = new DiscoHandlers(new ServiceIdentity("component", "generic", "x"), registry,
				List.of(() -> List.of("urn:example:score", DiscoHandlers.INFO)), List.of());
		TestRouting.register(registry, TestRouting.factory(), disco, new Score());
		registry.freeze();

		assertThat(disco.features()).containsExactly(DiscoHandlers.INFO, DiscoHandlers.ITEMS, "urn:example:score");
	}

	@Test
	void infoForANodeIsItemNotFound() {
		StanzaRouter router = router(List.of(), List.of());
		IQ request = Stanzas.get(USER, BOT, "query", DiscoHandlers.INFO);
		request.getChildElement().addAttribute("node", "nowhere");

		router.route(request);

		IQ answer = (IQ) this.template.single();
		assertThat(answer.getType()).isEqualTo(IQ.Type.error);
		assertThat(answer.getID()).isEqualTo(request.getID());
		assertThat(answer.getError().getCondition()).isEqualTo(Condition.item_not_found);
	}

	@Test
	void itemsAggregateEveryProvider() {
		DiscoItemsProvider rooms = (requester, target, node) -> {
			this.itemRequests.add(requester + " " + target + " " + node);
			return List.of(new DiscoItem(new JID("lobby@" + BOT), "Lobby", null));
		};
		DiscoItemsProvider games = (requester, target, node) -> List
			.of(new DiscoItem(new JID(BOT), "Chess", "games/chess"), new DiscoItem(new JID("go@" + BOT), null, null));
		StanzaRouter router = router(List.of(), List.of(rooms, games));

		router.route(Stanzas.get(USER, BOT, "query", DiscoHandlers.ITEMS));

		IQ result = (IQ) this.template.single();
		Element query = result.getChildElement();
		assertThat(query.getNamespaceURI()).isEqualTo(DiscoHandlers.ITEMS);
		assertThat(query.attributeValue("node")).isNull();
		List<Element> items = query.elements("item");
		assertThat(items).extracting((item) -> item.attributeValue("jid"), (item) -> item.attributeValue("name"),
				(item) -> item.attributeValue("node"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("lobby@" + BOT, "Lobby", null),
					org.assertj.core.groups.Tuple.tuple(BOT, "Chess", "games/chess"),
					org.assertj.core.groups.Tuple.tuple("go@" + BOT, null, null));
		assertThat(this.itemRequests).containsExactly(USER + " " + BOT + " null");
	}

	@Test
	void itemsForANodeEchoTheNodeAndPassItOn() {
		StanzaRouter router = router(List.of(), List.of((requester, target, node) -> {
			this.itemRequests.add(String.valueOf(node));
			return List.of();
		}));
		IQ request = Stanzas.get(USER, BOT, "query", DiscoHandlers.ITEMS);
		request.getChildElement().addAttribute("node", "games");

		router.route(request);

		Element query = ((IQ) this.template.single()).getChildElement();
		assertThat(query.attributeValue("node")).isEqualTo("games");
		assertThat(query.elements("item")).isEmpty();
		assertThat(this.itemRequests).containsExactly("games");
	}

	@Test
	void itemsWithoutProvidersIsAnEmptyList() {
		router(List.of(), List.of()).route(Stanzas.get(USER, BOT, "query", DiscoHandlers.ITEMS));

		IQ result = (IQ) this.template.single();
		assertThat(result.getType()).isEqualTo(IQ.Type.result);
		assertThat(result.getChildElement().elements()).isEmpty();
	}

	private StanzaRouter router(List<DiscoFeatureProvider> features, List<DiscoItemsProvider> items) {
		StanzaHandlerFactory factory = TestRouting.factory();
		HandlerRegistry registry = new HandlerRegistry();
		DiscoHandlers disco = new DiscoHandlers(new ServiceIdentity("component", "bot", "Referee"), registry, features,
				items);
		TestRouting.register(registry, factory, disco, new PingHandler(), new Score());
		registry.freeze();
		return new StanzaRouter(registry, factory.returnValueHandlers(), this.template,
				new PendingRequests(10, StanzaObserver.NONE), StanzaObserver.NONE,
				List.of(), XmppExceptionHandlers.none());
	}

	private static List<@Nullable String> features(Element query) {
		return query.elements("feature").stream().map((feature) -> feature.attributeValue("var")).toList();
	}

	static class Score {

		@OnIq(namespace = "urn:example:score", type = IqType.GET)
		void score() {
		}

	}

}
