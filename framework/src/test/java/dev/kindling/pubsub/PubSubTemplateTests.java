package dev.kindling.pubsub;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.XmppErrorException;
import dev.kindling.payload.PayloadMapper;
import dev.kindling.payload.XmppPayload;
import dev.kindling.forms.FormReader;
import dev.kindling.template.XmppTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PubSubTemplateTests {

	private static final JID SERVICE = new JID("pubsub.example.com");

	private final AnsweringTemplate template = new AnsweringTemplate();

	private final PubSubTemplate pubsub = new PubSubTemplate(this.template, SERVICE, PayloadMapper.withDefaults(), null,
			null);

	@Test
	void createsFromTheBareComponentDomainWithTheConfigurationForm() {
		this.pubsub.createNode("scores", NodeConfiguration.defaults().with(NodeConfiguration.MAX_ITEMS, "10")).join();

		IQ request = this.template.single();
		assertThat(request.getType()).isEqualTo(IQ.Type.set);
		assertThat(request.getTo()).isEqualTo(SERVICE);
		assertThat(request.getFrom()).isEqualTo(new JID("bot.example.com"));
		Element pubsub = request.getChildElement();
		assertThat(pubsub.getNamespaceURI()).isEqualTo(PubSubTemplate.NAMESPACE);
		assertThat(pubsub.element("create").attributeValue("node")).isEqualTo("scores");
		assertThat(FormReader.find(pubsub.element("configure")).orElseThrow().values())
			.containsEntry(NodeConfiguration.MAX_ITEMS, List.of("10"));
		assertThat(pubsub.element("configure").asXML()).contains(PubSubTemplate.NODE_CONFIG);
	}

	@Test
	void aDefaultCreateSendsNoEmptyConfigureWhichProsodyRefuses() {
		this.pubsub.createNode("plain").join();

		assertThat(this.template.single().getChildElement().element("configure")).isNull();
	}

	@Test
	void publishesARecordWithPublishOptionsAndReturnsTheAssignedId() throws DocumentException {
		this.template.answer = (request) -> result(request,
				"<pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='scores'><item id='abc'/></publish></pubsub>");

		String id = this.pubsub.publish("scores", null, new Score(2, 4),
				NodeConfiguration.defaults().with(NodeConfiguration.ACCESS_MODEL, "open")).join();

		assertThat(id).isEqualTo("abc");
		Element pubsub = this.template.single().getChildElement();
		Element item = pubsub.element("publish").element("item");
		assertThat(item.attribute("id")).isNull();
		assertThat(item.element("score").getNamespaceURI()).isEqualTo("urn:example:game");
		assertThat(FormReader.find(pubsub.element("publish-options")).orElseThrow().values())
			.containsEntry(NodeConfiguration.ACCESS_MODEL, List.of("open"));
	}

	@Test
	void aRefusalIsATypedErrorNamingOperationNodeAndTheLikelyFix() {
		this.template.answer = (request) -> {
			throw new XmppErrorException(Condition.forbidden);
		};

		assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> this.pubsub.createNode("scores").join())
			.havingCause()
			.isInstanceOfSatisfying(PubSubErrorException.class, (ex) -> {
				assertThat(ex.getCondition()).isEqualTo(Condition.forbidden);
				assertThat(ex.getOperation()).isEqualTo("create");
				assertThat(ex.getNode()).isEqualTo("scores");
				assertThat(ex.getMessage()).contains("'scores'", "forbidden", "admins", "\"bot.example.com\"",
						"pubsub.example.com");
			});
	}

	@Test
	void createIfAbsentTakesAConflictAsExistingButOtherErrorsAsErrors() {
		this.template.answer = (request) -> {
			throw new XmppErrorException(Condition.conflict);
		};
		assertThat(this.pubsub.createNodeIfAbsent("scores", NodeConfiguration.defaults()).join()).isFalse();

		this.template.answer = (request) -> {
			throw new XmppErrorException(Condition.forbidden);
		};
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> this.pubsub.createNodeIfAbsent("scores", NodeConfiguration.defaults()).join())
			.withCauseInstanceOf(PubSubErrorException.class);
	}

	@Test
	void readsItemsSubscriptionsAndAffiliations() {
		this.template.answer = (request) -> result(request, "<pubsub xmlns='http://jabber.org/protocol/pubsub'>"
				+ "<items node='scores'><item id='r1'><score xmlns='urn:example:game' round='1' points='3'/></item>"
				+ "<item id='r2'/></items></pubsub>");
		List<PubSubItem> items = this.pubsub.items("scores", 2).join();
		assertThat(items).extracting(PubSubItem::id).containsExactly("r1", "r2");
		assertThat(this.pubsub.payload(items.get(0), Score.class)).isEqualTo(new Score(1, 3));
		assertThat(items.get(1).payload()).isNull();
		assertThat(this.template.single().getChildElement().element("items").attributeValue("max_items")).isEqualTo("2");

		this.template.answer = (request) -> result(request, "<pubsub xmlns='http://jabber.org/protocol/pubsub#owner'>"
				+ "<subscriptions node='scores'><subscription jid='alice@example.com' subscription='pending'/>"
				+ "</subscriptions></pubsub>");
		assertThat(this.pubsub.subscriptions("scores").join()).containsExactly(
				new Subscription("scores", new JID("alice@example.com"), Subscription.State.PENDING, null));

		this.template.answer = (request) -> result(request, "<pubsub xmlns='http://jabber.org/protocol/pubsub'>"
				+ "<affiliations><affiliation node='scores' affiliation='publish-only'/></affiliations></pubsub>");
		assertThat(this.pubsub.affiliations().join()).containsExactly(
				new Affiliation("scores", new JID("bot.example.com"), Affiliation.Type.PUBLISH_ONLY));
	}

	@Test
	void managesSubscriptionStatesAndAffiliationsAsOwner() {
		this.pubsub.setSubscription("scores", new JID("alice@example.com"), Subscription.State.SUBSCRIBED).join();
		this.pubsub.setAffiliation("scores", new JID("referee@bot.example.com"), Affiliation.Type.PUBLISHER).join();

		List<IQ> requests = this.template.requests;
		assertThat(requests.get(0).getChildElement().getNamespaceURI()).isEqualTo(PubSubTemplate.OWNER);
		assertThat(requests.get(0).getChildElement().element("subscriptions").element("subscription").attributeValue(
				"subscription")).isEqualTo("subscribed");
		assertThat(requests.get(1).getChildElement().element("affiliations").element("affiliation").attributeValue(
				"affiliation")).isEqualTo("publisher");
	}

	@Test
	void sendsAsAnotherAddressOfTheComponentWhenAsked() {
		this.pubsub.as(new JID("referee@bot.example.com")).retract("scores", "r1", true).join();

		IQ request = this.template.single();
		assertThat(request.getFrom()).isEqualTo(new JID("referee@bot.example.com"));
		assertThat(request.getChildElement().element("retract").attributeValue("notify")).isEqualTo("true");
	}

	private static IQ result(IQ request, String xml) {
		try {
			IQ result = IQ.createResultIQ(request);
			result.setChildElement(DocumentHelper.parseText(xml).getRootElement());
			return result;
		}
		catch (DocumentException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	@XmppPayload(namespace = "urn:example:game", element = "score")
	record Score(int round, int points) {
	}

	/** Answers each request at once with what {@link #answer} returns or throws. */
	static final class AnsweringTemplate implements XmppTemplate {

		final List<IQ> requests = new CopyOnWriteArrayList<>();

		Function<IQ, IQ> answer = IQ::createResultIQ;

		@Override
		public JID componentJid() {
			return new JID("bot.example.com");
		}

		@Override
		public void send(Packet stanza) {
			throw new UnsupportedOperationException();
		}


		@Override
		public CompletableFuture<IQ> request(IQ request) {
			this.requests.add(request);
			try {
				return CompletableFuture.completedFuture(this.answer.apply(request));
			}
			catch (RuntimeException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		}

		@Override
		public CompletableFuture<IQ> request(IQ request, Duration timeout) {
			return request(request);
		}

		IQ single() {
			assertThat(this.requests).hasSize(1);
			return this.requests.get(0);
		}

	}

}
