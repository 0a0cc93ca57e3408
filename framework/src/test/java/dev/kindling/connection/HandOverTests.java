package dev.kindling.connection;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.Packet;

import dev.kindling.connection.ComponentConnectException.Reason;
import dev.kindling.health.ComponentHealth;
import dev.kindling.health.XmppHealthContributor;
import dev.kindling.health.XmppHealthReport;
import dev.kindling.observe.StanzaObserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hand-over state machine over a scripted wire: a newcomer refused with {@code conflict}
 * stands by and takes over when the domain is free, an instance kicked with {@code conflict}
 * stays replaced, and a stop drains before it closes.
 */
class HandOverTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ScriptedTransport transport = new ScriptedTransport();

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	private final Logger connectionLogger = (Logger) LoggerFactory.getLogger(ComponentConnection.class);

	private final ConnectionSettings settings = new ConnectionSettings(Duration.ofSeconds(1), Duration.ofMillis(20),
			Duration.ofMillis(40), 65536, Duration.ofSeconds(2), Duration.ofMillis(25));

	private final ComponentConnection connection = new ComponentConnection(
			new ComponentEndpoint("localhost", 5347, "bot.example.com", "secret"), this.settings, new OutboundQueue(10),
			(stanza) -> {
			}, this.events::add, StanzaObserver.NONE, this.transport);

	@BeforeEach
	void captureLog() {
		this.logged.start();
		this.connectionLogger.addAppender(this.logged);
	}

	@AfterEach
	void stop() {
		this.connection.stop();
		this.connectionLogger.detachAppender(this.logged);
	}

	@Test
	void aNewcomerRefusedWithConflictStandsByAndTakesOverWhenTheDomainIsFree() {
		this.transport.held.set(true);
		this.connection.start();

		await().atMost(WAIT).until(() -> this.transport.attempts.get() >= 5);
		assertThat(this.connection.getState()).isEqualTo(ConnectionState.STANDBY);
		XmppHealthReport standby = new ComponentHealth(this.connection, null, List.of((report) -> report.down("room")),
				Clock.systemUTC()).check();
		assertThat(standby.isDown()).as("a standby is ready, whatever the active instance's contributors say").isFalse();
		assertThat(standby.details()).containsEntry("state", "STANDBY");

		this.transport.held.set(false);
		await().atMost(WAIT).until(() -> this.connection.getState() == ConnectionState.CONNECTED);

		assertThat(this.events).filteredOn(ComponentReconnectingEvent.class::isInstance).hasSize(1);
		assertThat(this.events).filteredOn(ComponentConnectedEvent.class::isInstance).hasSize(1);
		assertThat(this.logged.list).filteredOn((event) -> event.getLevel().isGreaterOrEqual(Level.WARN)).isEmpty();
		assertThat(this.logged.list).filteredOn((event) -> event.getLevel() == Level.INFO)
			.extracting(ILoggingEvent::getFormattedMessage)
			.filteredOn((message) -> message.contains("is held by another instance"))
			.hasSize(1);
		assertThat(this.logged.list).extracting(ILoggingEvent::getFormattedMessage)
			.anySatisfy((message) -> assertThat(message).contains("Took component 'bot.example.com' over"));
	}

	@Test
	void standbyRetriesAtItsOwnPaceNotTheBackoff() {
		this.transport.held.set(true);
		this.connection.start();

		await().atMost(WAIT).until(() -> this.transport.attempts.get() >= 3);
		long start = System.nanoTime();
		int before = this.transport.attempts.get();
		await().atMost(WAIT).until(() -> this.transport.attempts.get() >= before + 8);
		long perAttemptMillis = (System.nanoTime() - start) / 8 / 1_000_000;
		// 25 ms apart; the backoff (capped at 40 ms here) would not tell, so the status does:
		assertThat(perAttemptMillis).isLessThan(200);
		assertThat(this.connection.getStatus().failedAttempts()).isZero();
		assertThat(this.connection.getState()).isEqualTo(ConnectionState.STANDBY);
	}

	@Test
	void aSpareStandsByQuietlyAtTheStandbyPaceAndIsConnectedOnceItsSessionGetsASlot() {
		AtomicBoolean noSlot = new AtomicBoolean(true);
		AtomicReference<ComponentConnection> self = new AtomicReference<>();
		// What a balanced replica does: at each connect it finds out whether the session got a slot.
		ComponentConnection spare = new ComponentConnection(new ComponentEndpoint("localhost", 5347, "bot.example.com",
				"secret"), this.settings, new OutboundQueue(10), (stanza) -> {
				}, (event) -> {
					this.events.add(event);
					if ((event instanceof ComponentConnectedEvent || event instanceof ComponentSpareSessionEvent)
							&& noSlot.get()) {
						self.get().standBy(new IllegalStateException("no slot is free"));
					}
				}, StanzaObserver.NONE, this.transport);
		self.set(spare);
		try {
			spare.start();
			await().atMost(WAIT).until(() -> this.transport.attempts.get() >= 3);
			long start = System.nanoTime();
			int before = this.transport.attempts.get();
			await().atMost(WAIT).until(() -> this.transport.attempts.get() >= before + 8);
			assertThat((System.nanoTime() - start) / 8 / 1_000_000).as("ms per retry (25 ms apart)").isLessThan(200);
			assertThat(spare.getState()).isEqualTo(ConnectionState.STANDBY);
			assertThat(spare.getStatus().failedAttempts()).isZero();
			assertThat(spare.getStatus().connects()).as("a spare's retries are not reconnects").isEqualTo(1);
			XmppHealthContributor slot = new XmppHealthContributor() {

				@Override
				public void contribute(XmppHealthReport report) {
					report.detail("slot", "SPARE");
				}

				@Override
				public boolean reportsWhileStandingBy() {
					return true;
				}

			};
			XmppHealthReport health = new ComponentHealth(spare, null, List.of((report) -> report.down("room"), slot),
					Clock.systemUTC()).check();
			assertThat(health.isDown()).as("%s", health.downReasons()).isFalse();
			assertThat(health.details()).containsEntry("state", "STANDBY").containsEntry("slot", "SPARE");
			assertThat(health.details().get("standby")).asString().contains("spare");

			noSlot.set(false);
			await().atMost(WAIT).until(() -> spare.getState() == ConnectionState.CONNECTED);
			int attempts = this.transport.attempts.get();
			await().during(Duration.ofMillis(200)).atMost(WAIT).until(() -> this.transport.attempts.get() == attempts);
			assertThat(spare.getState()).isEqualTo(ConnectionState.CONNECTED);
			assertThat(spare.getStatus().connects()).isEqualTo(2);
		}
		finally {
			spare.stop();
		}
		assertThat(this.events).filteredOn(ComponentReconnectingEvent.class::isInstance).hasSize(1);
		// The application sees the first session and the one with a slot; the retries between, only the replica.
		assertThat(this.events).filteredOn(ComponentConnectedEvent.class::isInstance).hasSize(2);
		assertThat(this.events).filteredOn(ComponentDisconnectedEvent.class::isInstance)
			.first()
			.satisfies((event) -> assertThat(((ComponentDisconnectedEvent) event).getCause()).hasMessage("no slot is free"));
		assertThat(this.events).filteredOn(ComponentDisconnectedEvent.class::isInstance).hasSize(2);
		assertThat(this.events).filteredOn(ComponentSpareSessionEvent.class::isInstance).hasSizeGreaterThan(8);
		assertThat(this.logged.list).filteredOn((event) -> event.getLevel().isGreaterOrEqual(Level.WARN)).isEmpty();
		assertThat(this.logged.list).filteredOn((event) -> event.getLevel() == Level.INFO)
			.extracting(ILoggingEvent::getFormattedMessage)
			.filteredOn((message) -> !message.startsWith("Disconnected") && !message.startsWith("Draining"))
			.as("one line for the first connect, one for the slot; none per retry")
			.hasSize(2)
			.last()
			.asString()
			.contains("got a slot after standing by as a spare");
	}

	@Test
	void anInstanceWhoseStreamIsClosedWithConflictIsReplacedAndDoesNotComeBack() {
		this.connection.start();
		await().atMost(WAIT).until(() -> this.connection.getState() == ConnectionState.CONNECTED);

		this.transport.current().lose(new ComponentConnectException(Reason.CONFLICT,
				"Another session already holds component 'bot.example.com' (conflict) (Replaced by a new connection)"));

		await().atMost(WAIT).until(() -> this.connection.getState() == ConnectionState.REPLACED);
		int attempts = this.transport.attempts.get();
		await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> this.transport.attempts.get() == attempts);
		assertThat(this.connection.getState()).isEqualTo(ConnectionState.REPLACED);
		assertThat(this.events).filteredOn(ComponentDisconnectedEvent.class::isInstance)
			.singleElement()
			.satisfies((event) -> assertThat(((ComponentDisconnectedEvent) event).getCause())
				.isInstanceOfSatisfying(ComponentConnectException.class,
						(ex) -> assertThat(ex.getReason()).isEqualTo(Reason.CONFLICT)));
		XmppHealthReport report = new ComponentHealth(this.connection, null, List.of(), Clock.systemUTC())
			.check();
		assertThat(report.isDown()).isTrue();
		assertThat(report.downReasons()).singleElement().asString().startsWith("replaced");
		assertThat(this.logged.list).filteredOn((event) -> event.getLevel() == Level.WARN)
			.singleElement()
			.extracting(ILoggingEvent::getFormattedMessage)
			.asString()
			.contains("was replaced")
			.contains("does not reconnect");

		this.connection.stop();
		assertThat(this.connection.getState()).isEqualTo(ConnectionState.STOPPED);
	}

	@Test
	void anotherLossStillReconnects() {
		this.connection.start();
		await().atMost(WAIT).until(() -> this.connection.getState() == ConnectionState.CONNECTED);

		this.transport.current().lose(new ComponentConnectException(Reason.NETWORK, "reset"));

		await().atMost(WAIT).until(() -> this.transport.attempts.get() == 2
				&& this.connection.getState() == ConnectionState.CONNECTED);
	}

	@Test
	void aStandbyStopsWithoutAnotherAttempt() {
		this.transport.held.set(true);
		this.connection.start();
		await().atMost(WAIT).until(() -> this.connection.getState() == ConnectionState.STANDBY);

		this.connection.stop();

		int attempts = this.transport.attempts.get();
		assertThat(this.connection.getState()).isEqualTo(ConnectionState.STOPPED);
		await().during(Duration.ofMillis(200)).atMost(WAIT).until(() -> this.transport.attempts.get() == attempts);
	}

	@Test
	void aStopDrainsWhileTheStreamIsStillOpenThenClosesIt() {
		AtomicReference<@Nullable ComponentConnection> self = new AtomicReference<>();
		AtomicReference<@Nullable String> seenWhileDraining = new AtomicReference<>();
		ComponentConnection draining = new ComponentConnection(
				new ComponentEndpoint("localhost", 5347, "bot.example.com", "secret"), this.settings,
				new OutboundQueue(10), new StanzaListener() {

					@Override
					public void onStanza(Packet stanza) {
					}

					@Override
					public void drain(Duration timeout) {
						seenWhileDraining.set(self.get().getState() + ", stream closed: "
								+ HandOverTests.this.transport.current().closed);
					}

				}, this.events::add, StanzaObserver.NONE, this.transport);
		self.set(draining);
		draining.start();
		await().atMost(WAIT).until(() -> draining.getState() == ConnectionState.CONNECTED);

		draining.stop();

		assertThat(seenWhileDraining.get()).isEqualTo("DRAINING, stream closed: false");
		assertThat(this.transport.current().closed).isTrue();
		assertThat(draining.getState()).isEqualTo(ConnectionState.STOPPED);
	}

	/** Refuses with conflict while {@link #held}; otherwise opens a wire the test can lose. */
	static final class ScriptedTransport implements ComponentTransport {

		final AtomicInteger attempts = new AtomicInteger();

		final AtomicBoolean held = new AtomicBoolean();

		private volatile @Nullable ScriptedWire last;

		@Override
		public Wire open(ComponentEndpoint endpoint, ConnectionSettings settings) {
			this.attempts.incrementAndGet();
			if (this.held.get()) {
				throw new ComponentConnectException(Reason.CONFLICT,
						"Another session already holds component '" + endpoint.domain() + "' (conflict)");
			}
			ScriptedWire wire = new ScriptedWire();
			this.last = wire;
			return wire;
		}

		ScriptedWire current() {
			ScriptedWire wire = this.last;
			assertThat(wire).as("a stream was opened").isNotNull();
			return wire;
		}

	}

	static final class ScriptedWire implements ComponentTransport.Wire {

		volatile boolean closed;

		private volatile @Nullable Consumer<Throwable> onLoss;

		@Override
		public String streamId() {
			return "scripted";
		}

		@Override
		public void start(StanzaListener listener, OutboundQueue outbound, StanzaObserver observer,
				Consumer<Throwable> onLoss) {
			this.onLoss = onLoss;
		}

		void lose(Throwable cause) {
			Consumer<Throwable> report = this.onLoss;
			assertThat(report).isNotNull();
			report.accept(cause);
		}

		@Override
		public void close(Duration timeout) {
			this.closed = true;
		}

		@Override
		public void abort() {
			this.closed = true;
		}

	}

}
