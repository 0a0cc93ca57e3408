package dev.kindling.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Presence;

import dev.kindling.samples.tictactoe.ToetemApplication;
import dev.kindling.template.XmppTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Toetem scenario in seconds, against the real referee (the sample's application, in-process):
 * games are played to their end and checked move by move, saturated and paced, and what the referee
 * sends outside the players' flows (IQs to the server, presences, groupchat) is answered or counted.
 * One referee for the class (its start is most of the time); each test plays with players of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToetemLoadSmokeTests {

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	private LoadGenerator generator;

	private Future<ConfigurableApplicationContext> referee;

	private ToetemSession session;

	@BeforeAll
	void connect() throws Exception {
		this.generator = new LoadGenerator("localhost", "s3cret");
		int port = this.generator.port();
		this.referee = this.executor.submit(() -> new SpringApplicationBuilder(ToetemApplication.class).run(
				"--xmpp.component.host=127.0.0.1", "--xmpp.component.port=" + port,
				"--xmpp.component.domain=toetem.localhost", "--xmpp.component.secret=s3cret",
				"--xmpp.dev-server.enabled=false", "--server.port=0", "--spring.main.banner-mode=off",
				// Only the requests this class sends itself outside the players' flows, so they can be counted
				// exactly (the benchmark runs the store; the sample's own tests cover both).
				"--toetem.store.enabled=false", "--toetem.rooms.enabled=false"));
		this.session = new ToetemSession(this.generator.handshake(Duration.ofSeconds(60)), "localhost");
	}

	@AfterAll
	void stop() throws Exception {
		if (this.referee.isDone()) {
			this.referee.get().close();
		}
		this.session.close();
		this.generator.close();
		this.executor.shutdownNow();
	}

	@Test
	void saturatedGamesArePlayedToTheEndWithEveryAnswerAndEventChecked() throws Exception {
		ToetemResult result = this.session.run(spec(8, 0, 0), () -> {
		});
		assertThat(result.consistent()).as("%s", result).isTrue();
		assertThat(result.gamesFinished()).as("%s", result).isGreaterThan(8);
		assertThat(result.moves()).isGreaterThan(result.gamesFinished());
		assertThat(result.movesPerSecond()).isPositive();
		assertThat(result.p99Micros()).isPositive();
	}

	@Test
	void pacedGamesKeepTheirRateAndWindDownCleanly() throws Exception {
		int[] atPeak = new int[1];
		ToetemResult result = this.session.run(spec(20, 100, 100), () -> atPeak[0]++);
		assertThat(result.consistent()).as("%s", result).isTrue();
		assertThat(atPeak[0]).isOne();
		// 100 moves/s: each player thinks 200 ms; the rate falls short only by the referee's latency.
		assertThat(result.movesPerSecond()).as("%s", result).isBetween(40.0, 110.0);
		assertThat(result.resigned()).as("%s", result).isPositive();
		// A second level with new players on the same referee: the first one left nothing behind.
		ToetemResult again = this.session.run(spec(20, 100, 200), () -> {
		});
		assertThat(again.consistent()).as("%s", again).isTrue();
	}

	@Test
	void requestsOutsideThePlayersFlowsAreAnsweredOrCounted() throws Exception {
		XmppTemplate xmpp = this.referee.get(60, TimeUnit.SECONDS).getBean(XmppTemplate.class);
		IQ subscribe = new IQ(IQ.Type.set);
		subscribe.setTo(new JID("pubsub.localhost"));
		subscribe.setChildElement("pubsub", "http://jabber.org/protocol/pubsub").addElement("publish").addAttribute("node",
				"toetem/games");
		CompletableFuture<IQ> answer = xmpp.request(subscribe, Duration.ofSeconds(30));
		Presence join = new Presence();
		join.setTo(new JID("g1@conference.localhost/referee"));
		xmpp.send(join);
		Message chat = new Message();
		chat.setType(Message.Type.groupchat);
		chat.setTo(new JID("g1@conference.localhost"));
		chat.setBody("X to move");
		xmpp.send(chat);
		ToetemResult result = this.session.run(spec(4, 0, 300), () -> {
		});
		assertThat(answer.get(30, TimeUnit.SECONDS).getType()).isEqualTo(IQ.Type.result);
		assertThat(result.consistent()).as("%s", result).isTrue();
		assertThat(this.session.otherTotal()).containsEntry("iq set http://jabber.org/protocol/pubsub", 1L)
			.containsEntry("presence", 1L)
			.containsEntry("message groupchat", 1L);
	}

	private static ToetemSpec spec(int games, double rate, int firstPlayer) {
		return new ToetemSpec(games, rate, firstPlayer, Duration.ofMillis(300), Duration.ofSeconds(1),
				Duration.ofSeconds(10), "toetem.localhost", 42);
	}

}
