package dev.kindling.boot.it.pubsub;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smackx.pubsub.ItemPublishEvent;
import org.jivesoftware.smackx.pubsub.LeafNode;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jivesoftware.smackx.pubsub.listener.ItemEventListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.impl.JidCreate;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError.Condition;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.payload.XmppPayload;
import dev.kindling.pubsub.Affiliation;
import dev.kindling.pubsub.ItemId;
import dev.kindling.pubsub.NodeConfiguration;
import dev.kindling.pubsub.OnPubSubEvent;
import dev.kindling.pubsub.PubSubErrorException;
import dev.kindling.pubsub.PubSubEvent;
import dev.kindling.pubsub.PubSubItem;
import dev.kindling.pubsub.PubSubTemplate;
import dev.kindling.pubsub.Subscription;
import dev.kindling.test.ProsodyExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** The pubsub helper and event handlers against Prosody's pubsub service, with a Smack subscriber. */
class PubSubIT {

	static final String NS = "urn:example:game";

	static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice");

	static ConfigurableApplicationContext bot;

	static PubSubTemplate pubsub;

	static XmppTestClient alice;

	@BeforeAll
	static void start() {
		bot = new SpringApplicationBuilder(ScoreBoard.class).web(WebApplicationType.NONE)
			.properties(Map.of("xmpp.component.host", prosody.server().host(), "xmpp.component.port",
					prosody.server().componentPort(), "xmpp.component.domain", prosody.server().componentDomain(),
					"xmpp.component.secret", prosody.server().componentSecret(), "spring.main.banner-mode", "off"))
			.run();
		ComponentConnection connection = bot.getBean(ComponentConnection.class);
		await().atMost(WAIT).until(() -> connection.getState() == ConnectionState.CONNECTED);
		pubsub = bot.getBean(PubSubTemplate.class);
		alice = XmppTestClient.login(prosody.server(), "alice", "alice");
	}

	@AfterAll
	static void stop() {
		if (alice != null) {
			alice.close();
		}
		if (bot != null) {
			bot.close();
		}
	}

	@Test
	void theServiceDefaultsToPubsubUnderTheServerDomain() {
		assertThat(pubsub.service()).isEqualTo(new JID(prosody.server().pubsubDomain()));
		assertThat(pubsub.sender()).isEqualTo(new JID(prosody.server().componentDomain()));
	}

	@Test
	void nodeLifecycleWithAConfigurationRoundTrip() {
		NodeConfiguration config = NodeConfiguration.defaults().with(NodeConfiguration.ACCESS_MODEL, "open")
			.with(NodeConfiguration.MAX_ITEMS, "10").with(NodeConfiguration.TITLE, "Scores");
		join(pubsub.createNode("lifecycle", config));

		NodeConfiguration read = join(pubsub.getConfiguration("lifecycle"));
		assertThat(read.get(NodeConfiguration.TITLE)).isEqualTo("Scores");
		assertThat(read.get(NodeConfiguration.MAX_ITEMS)).isEqualTo("10");

		join(pubsub.configure("lifecycle", NodeConfiguration.defaults().with(NodeConfiguration.TITLE, "Final scores")));
		assertThat(join(pubsub.getConfiguration("lifecycle")).get(NodeConfiguration.TITLE)).isEqualTo("Final scores");
		assertThat(join(pubsub.affiliations("lifecycle")))
			.contains(new Affiliation("lifecycle", pubsub.sender(), Affiliation.Type.OWNER));

		join(pubsub.deleteNode("lifecycle"));
		assertThat(refusal(pubsub.getConfiguration("lifecycle"))).satisfies((ex) -> {
			assertThat(ex.getCondition()).isEqualTo(Condition.item_not_found);
			assertThat(ex.getMessage()).contains("get configuration", "'lifecycle'", "No such node");
		});
	}

	@Test
	void createIfAbsentIsIdempotent() {
		assertThat(join(pubsub.createNodeIfAbsent("once", NodeConfiguration.defaults()))).isTrue();
		assertThat(join(pubsub.createNodeIfAbsent("once", NodeConfiguration.defaults()))).isFalse();
		assertThat(refusal(pubsub.createNode("once")).getCondition()).isEqualTo(Condition.conflict);
	}

	@Test
	void aSmackSubscriberReceivesWhatIsPublishedAndItemsCanBeRetrievedAndRetracted() throws Exception {
		join(pubsub.createNode("scores", NodeConfiguration.defaults().with(NodeConfiguration.ACCESS_MODEL, "open")));
		LeafNode node = PubSubManager.getInstanceFor(alice.connection(), JidCreate.bareFrom(prosody.server().pubsubDomain()))
			.getLeafNode("scores");
		BlockingQueue<ItemPublishEvent<PayloadItem<?>>> received = new LinkedBlockingQueue<>();
		node.addItemEventListener((ItemEventListener<PayloadItem<?>>) received::add);
		node.subscribe(alice.jid().asBareJid());

		assertThat(join(pubsub.publish("scores", "round-1", new Score(1, 3)))).isEqualTo("round-1");
		join(pubsub.publish("scores", "round-2", new Score(2, 5)));
		String assigned = join(pubsub.publish("scores", null, new Score(3, 8)));

		ItemPublishEvent<PayloadItem<?>> first = received.poll(10, TimeUnit.SECONDS);
		assertThat(first).isNotNull();
		assertThat(first.getItems()).singleElement().satisfies((item) -> {
			assertThat(item.getId()).isEqualTo("round-1");
			assertThat(item.getPayload().toXML().toString()).contains("urn:example:game", "round='1'", ">3<");
		});
		assertThat(assigned).isNotBlank();

		List<PubSubItem> all = join(pubsub.items("scores"));
		assertThat(all).extracting(PubSubItem::id).contains("round-1", "round-2", assigned);
		assertThat(pubsub.payload(all.stream().filter((item) -> item.id().equals("round-2")).findFirst().orElseThrow(),
				Score.class)).isEqualTo(new Score(2, 5));
		assertThat(join(pubsub.items("scores", List.of("round-1")))).singleElement()
			.satisfies((item) -> assertThat(pubsub.payload(item, Score.class)).isEqualTo(new Score(1, 3)));
		assertThat(join(pubsub.items("scores", 2))).hasSize(2);

		join(pubsub.retract("scores", "round-1", true));
		assertThat(join(pubsub.items("scores"))).extracting(PubSubItem::id).doesNotContain("round-1");

		join(pubsub.purge("scores"));
		assertThat(join(pubsub.items("scores"))).isEmpty();
		assertThat(join(pubsub.subscriptions("scores"))).extracting(Subscription::jid)
			.contains(new JID(alice.jid().asBareJid().toString()));
	}

	@Test
	void aSenderWithoutRightsIsRefusedWithATypedErrorUntilItIsMadePublisher() {
		join(pubsub.createNode("guarded"));
		PubSubTemplate referee = pubsub.as(new JID("referee", prosody.server().componentDomain(), null));

		assertThat(refusal(referee.createNode("not-mine"))).satisfies((ex) -> {
			assertThat(ex.getCondition()).isEqualTo(Condition.forbidden);
			assertThat(ex.getOperation()).isEqualTo("create");
			assertThat(ex.getMessage()).contains("admins");
		});
		assertThat(refusal(referee.publish("guarded", "x", new Score(1, 1)))).satisfies((ex) -> {
			assertThat(ex.getCondition()).isEqualTo(Condition.forbidden);
			assertThat(ex.getMessage()).contains("publish", "'guarded'");
		});

		join(pubsub.setAffiliation("guarded", referee.sender(), Affiliation.Type.PUBLISHER));
		assertThat(join(referee.publish("guarded", "x", new Score(1, 1)))).isEqualTo("x");
	}

	@Test
	void eventHandlersReceiveItemsRetractionsPurgeAndDeletion() {
		Events events = bot.getBean(Events.class);
		join(pubsub.createNode("live-1", NodeConfiguration.defaults().with(NodeConfiguration.NOTIFY_RETRACT, "1")));
		Subscription subscription = join(pubsub.subscribe("live-1", pubsub.sender()));
		assertThat(subscription.state()).isEqualTo(Subscription.State.SUBSCRIBED);

		join(pubsub.publish("live-1", "r1", new Score(1, 7)));
		await().atMost(WAIT).until(() -> events.log.contains("ITEM live-1 r1 Score[round=1, points=7]"));

		join(pubsub.retract("live-1", "r1", true));
		join(pubsub.purge("live-1"));
		join(pubsub.deleteNode("live-1"));
		await().atMost(WAIT).until(() -> events.log.containsAll(List.of("RETRACT live-1 r1", "PURGE live-1", "DELETE live-1")));
		assertThat(events.log).as("the node pattern filters").noneMatch((line) -> line.startsWith("OTHER"));
	}

	static <T> T join(CompletableFuture<T> future) {
		return future.orTimeout(15, TimeUnit.SECONDS).join();
	}

	static PubSubErrorException refusal(CompletableFuture<?> future) {
		CompletionException thrown = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
				() -> join(future));
		assertThat(thrown.getCause()).isInstanceOf(PubSubErrorException.class);
		return (PubSubErrorException) thrown.getCause();
	}

	@XmppPayload(namespace = NS, element = "score")
	record Score(@JacksonXmlProperty(isAttribute = true) int round, int points) {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ScoreBoard {

		@Bean
		Events events() {
			return new Events();
		}

	}

	static class Events {

		final List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();

		@OnPubSubEvent(node = "live-\\d+")
		void scored(@ItemId String id, Score score, PubSubEvent event) {
			this.log.add(event.kind() + " " + event.node() + " " + id + " " + score);
		}

		@OnPubSubEvent(node = "live-.*", kind = { PubSubEvent.Kind.RETRACT, PubSubEvent.Kind.PURGE, PubSubEvent.Kind.DELETE })
		void changed(PubSubEvent event) {
			this.log.add(event.kind() + " " + event.node() + ((event.itemId() != null) ? " " + event.itemId() : ""));
		}

		@OnPubSubEvent(node = "other")
		void other(PubSubEvent event) {
			this.log.add("OTHER " + event);
		}

	}

}
