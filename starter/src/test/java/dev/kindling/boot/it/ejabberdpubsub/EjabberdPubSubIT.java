package dev.kindling.boot.it.ejabberdpubsub;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.payload.XmppPayload;
import dev.kindling.pubsub.ItemId;
import dev.kindling.pubsub.NodeConfiguration;
import dev.kindling.pubsub.OnPubSubEvent;
import dev.kindling.pubsub.PubSubEvent;
import dev.kindling.pubsub.PubSubItem;
import dev.kindling.pubsub.PubSubTemplate;
import dev.kindling.test.EjabberdExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pubsub helper and event handlers against ejabberd's pubsub service, whose events carry no
 * stanza id and whose node deletion is announced only with {@code pubsub#notify_delete}.
 */
class EjabberdPubSubIT {

	static final String NS = "urn:example:ejabberd-game";

	static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	static final EjabberdExtension ejabberd = EjabberdExtension.withUsers("alice");

	static ConfigurableApplicationContext bot;

	static PubSubTemplate pubsub;

	static XmppTestClient alice;

	@BeforeAll
	static void start() {
		bot = new SpringApplicationBuilder(ScoreBoard.class).web(WebApplicationType.NONE)
			.properties(Map.of("xmpp.component.host", ejabberd.server().host(), "xmpp.component.port",
					ejabberd.server().componentPort(), "xmpp.component.domain", ejabberd.server().componentDomain(),
					"xmpp.component.secret", ejabberd.server().componentSecret(), "spring.main.banner-mode", "off"))
			.run();
		ComponentConnection connection = bot.getBean(ComponentConnection.class);
		await().atMost(WAIT).until(() -> connection.getState() == ConnectionState.CONNECTED);
		pubsub = bot.getBean(PubSubTemplate.class);
		alice = XmppTestClient.login(ejabberd.server(), "alice", "alice");
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
	void aSmackSubscriberReceivesWhatIsPublishedAndItemsCanBeRetrieved() throws Exception {
		join(pubsub.createNode("scores", NodeConfiguration.defaults().with(NodeConfiguration.ACCESS_MODEL, "open")));
		LeafNode node = PubSubManager
			.getInstanceFor(alice.connection(), JidCreate.bareFrom(ejabberd.server().pubsubDomain()))
			.getLeafNode("scores");
		BlockingQueue<ItemPublishEvent<PayloadItem<?>>> received = new LinkedBlockingQueue<>();
		node.addItemEventListener((ItemEventListener<PayloadItem<?>>) received::add);
		node.subscribe(alice.jid().asBareJid());

		assertThat(join(pubsub.publish("scores", "round-1", new Score(1, 3)))).isEqualTo("round-1");
		String assigned = join(pubsub.publish("scores", null, new Score(2, 8)));

		ItemPublishEvent<PayloadItem<?>> first = received.poll(10, TimeUnit.SECONDS);
		assertThat(first).isNotNull();
		assertThat(first.getItems()).singleElement().satisfies((item) -> assertThat(item.getId()).isEqualTo("round-1"));
		assertThat(join(pubsub.items("scores"))).extracting(PubSubItem::id).contains("round-1", assigned);
	}

	@Test
	void eventHandlersReceiveItemsRetractionsPurgeAndDeletion() {
		Events events = bot.getBean(Events.class);
		join(pubsub.createNode("live-1", NodeConfiguration.defaults()
			.with(NodeConfiguration.NOTIFY_RETRACT, "1")
			.with(NodeConfiguration.NOTIFY_DELETE, "1")));
		join(pubsub.subscribe("live-1", pubsub.sender()));

		join(pubsub.publish("live-1", "r1", new Score(1, 7)));
		await().atMost(WAIT).until(() -> events.log.contains("ITEM live-1 r1 Score[round=1, points=7]"));

		join(pubsub.retract("live-1", "r1", true));
		join(pubsub.purge("live-1"));
		join(pubsub.deleteNode("live-1"));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(events.log).contains("RETRACT live-1 r1", "PURGE live-1", "DELETE live-1"));
	}

	static <T> T join(CompletableFuture<T> future) {
		return future.orTimeout(15, TimeUnit.SECONDS).join();
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

		final List<String> log = new CopyOnWriteArrayList<>();

		@OnPubSubEvent(node = "live-\\d+")
		void scored(@ItemId String id, Score score, PubSubEvent event) {
			this.log.add(event.kind() + " " + event.node() + " " + id + " " + score);
		}

		@OnPubSubEvent(node = "live-.*",
				kind = { PubSubEvent.Kind.RETRACT, PubSubEvent.Kind.PURGE, PubSubEvent.Kind.DELETE })
		void changed(PubSubEvent event) {
			this.log.add(event.kind() + " " + event.node() + ((event.itemId() != null) ? " " + event.itemId() : ""));
		}

	}

}
