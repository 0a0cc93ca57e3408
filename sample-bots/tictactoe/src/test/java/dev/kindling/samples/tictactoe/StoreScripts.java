package dev.kindling.samples.tictactoe;

import java.util.function.Predicate;

import org.dom4j.Element;
import org.jspecify.annotations.Nullable;
import org.xmpp.packet.IQ;

import dev.kindling.test.XmppTestHarness;

/** Matchers and scripted answers for the referee's requests to the pubsub service. */
final class StoreScripts {

	static final String PUBSUB = "http://jabber.org/protocol/pubsub";

	static final String GAMES = "toetem/games";

	static final String RESULTS = "toetem/results";

	static final String WAITING = "toetem/waiting";

	private StoreScripts() {
	}

	/** A pubsub request whose {@code <pubsub/>} holds {@code element} for {@code node}. */
	static Predicate<IQ> pubsub(String element, String node) {
		return (iq) -> {
			Element operation = operation(iq, element);
			return operation != null && node.equals(operation.attributeValue("node"));
		};
	}

	static @Nullable Element operation(IQ iq, String element) {
		Element pubsub = iq.getChildElement();
		return (pubsub != null && "pubsub".equals(pubsub.getName())) ? pubsub.element(element) : null;
	}

	/** The id of the item a publish or retract request carries. */
	static String itemId(IQ iq) {
		Element operation = (operation(iq, "publish") != null) ? operation(iq, "publish") : operation(iq, "retract");
		return operation.element("item").attributeValue("id");
	}

	/** The payload of the item a publish request carries. */
	static Element payload(IQ iq) {
		return operation(iq, "publish").element("item").elements().get(0);
	}

	/** Creating the nodes works, and the nodes hold these items (XML of {@code <item/>} elements). */
	static void serve(XmppTestHarness harness, String gameItems, String resultItems) {
		serve(harness, gameItems, resultItems, "");
	}

	/** {@link #serve(XmppTestHarness, String, String)} with waiting players (XML of {@code <item/>} elements). */
	static void serve(XmppTestHarness harness, String gameItems, String resultItems, String waitingItems) {
		harness.whenRequest(pubsub("create", GAMES)).thenResult();
		harness.whenRequest(pubsub("create", RESULTS)).thenResult();
		harness.whenRequest(pubsub("create", WAITING)).thenResult();
		harness.whenRequest(pubsub("items", WAITING))
			.thenResult("<pubsub xmlns='" + PUBSUB + "'><items node='" + WAITING + "'>" + waitingItems + "</items></pubsub>");
		harness.whenRequest(pubsub("publish", WAITING)).thenResult();
		harness.whenRequest(pubsub("retract", WAITING)).thenResult();
		harness.whenRequest(pubsub("items", GAMES))
			.thenResult("<pubsub xmlns='" + PUBSUB + "'><items node='" + GAMES + "'>" + gameItems + "</items></pubsub>");
		harness.whenRequest(pubsub("items", RESULTS))
			.thenResult("<pubsub xmlns='" + PUBSUB + "'><items node='" + RESULTS + "'>" + resultItems + "</items></pubsub>");
		harness.whenRequest(pubsub("publish", GAMES)).thenResult();
		harness.whenRequest(pubsub("publish", RESULTS)).thenResult();
		harness.whenRequest(pubsub("retract", GAMES)).thenResult();
	}

}
