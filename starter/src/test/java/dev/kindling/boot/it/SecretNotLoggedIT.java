package dev.kindling.boot.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kindling.boot.it.ScriptedComponentServer.Session;
import dev.kindling.boot.it.TestBot.RecordingObserver;
import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The component secret never shows: not in Kindling's log output at DEBUG (through a connect, a
 * refused handshake and a lost stream), not in the stanza trace, and not in the toString of any
 * bean (properties included).
 */
class SecretNotLoggedIT {

	private static final String DOMAIN = "bot.localhost";

	private final String secret = "s3cret-" + UUID.randomUUID();

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Logger kindlingLogger = (Logger) LoggerFactory.getLogger("dev.kindling");

	private Level previousLevel;

	private final List<ConfigurableApplicationContext> bots = new ArrayList<>();

	@BeforeEach
	void captureLogs() {
		// Boot would reset logback when each context starts, dropping the appender: leave logging alone.
		System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
		this.previousLevel = this.kindlingLogger.getLevel();
		this.kindlingLogger.setLevel(Level.DEBUG);
		this.appender.start();
		this.kindlingLogger.addAppender(this.appender);
	}

	@AfterEach
	void restoreLogs() {
		this.bots.forEach(ConfigurableApplicationContext::close);
		this.kindlingLogger.detachAppender(this.appender);
		this.kindlingLogger.setLevel(this.previousLevel);
		System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
	}

	private ConfigurableApplicationContext start(ScriptedComponentServer server, String secret) {
		ConfigurableApplicationContext bot = new SpringApplicationBuilder(TestBot.class).web(WebApplicationType.NONE)
			.properties(Map.of("xmpp.component.host", "127.0.0.1", "xmpp.component.port", server.port(),
					"xmpp.component.domain", DOMAIN, "xmpp.component.secret", secret,
					"xmpp.component.backoff.min-delay", "100ms", "xmpp.component.backoff.max-delay", "500ms",
					"spring.main.banner-mode", "off"))
			.run();
		this.bots.add(bot);
		return bot;
	}

	@Test
	void secretNeverAppearsInLogsTraceOrToString() throws Exception {
		try (ScriptedComponentServer server = new ScriptedComponentServer(DOMAIN, this.secret)) {
			// A bot with a wrong secret is refused (not-authorized), and retries.
			String wrong = "wrong-" + UUID.randomUUID();
			ConfigurableApplicationContext refused = start(server, wrong);
			await().atMost(Duration.ofSeconds(10)).until(() -> refused.getBean(ComponentConnection.class).getStatus()
				.lastFailure() != null);
			refused.close();

			ConfigurableApplicationContext bot = start(server, this.secret);
			ComponentConnection connection = bot.getBean(ComponentConnection.class);
			Session session = server.awaitSession(Duration.ofSeconds(10));
			session.send("<message type='chat' id='m1' from='alice@localhost/r' to='echo@" + DOMAIN + "'><body>hi</body></message>");
			await().atMost(Duration.ofSeconds(10)).until(() -> session.received().contains("<body>hi</body>"));
			// Paths that log at DEBUG: a handler refusing with a stanza error, an answer to no request of ours.
			session.send("<iq type='get' id='r1' from='alice@localhost/r' to='" + DOMAIN + "'><query xmlns='"
					+ TestBot.REFUSE_NS + "'/></iq><iq type='result' id='nobody-asked' from='localhost' to='" + DOMAIN + "'/>");
			await().atMost(Duration.ofSeconds(10)).until(() -> session.received().contains("not-allowed"));
			// Lose the stream and come back, so that the loss and reconnect paths log too.
			session.send("<broken");
			session.send("></nope>");
			server.awaitSession(Duration.ofSeconds(10));
			await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() == ConnectionState.CONNECTED
					&& connection.getStatus().connects() == 2);

			assertThat(this.appender.list).isNotEmpty();
			assertThat(this.appender.list).anySatisfy((event) -> assertThat(event.getLevel()).isEqualTo(Level.DEBUG));
			for (String value : List.of(this.secret, wrong)) {
				assertThat(this.appender.list).noneSatisfy((event) -> assertThat(render(event)).contains(value));
				RecordingObserver trace = bot.getBean(RecordingObserver.class);
				assertThat(trace.received).noneSatisfy((stanza) -> assertThat(stanza.toXML()).contains(value));
				assertThat(trace.sent).noneSatisfy((stanza) -> assertThat(stanza.toXML()).contains(value));
			}
			for (String name : bot.getBeanDefinitionNames()) {
				Object bean = bot.getBean(name);
				assertThat(String.valueOf(bean)).as("toString() of bean '%s'", name).doesNotContain(this.secret);
			}
		}
	}

	private static String render(ILoggingEvent event) {
		StringBuilder text = new StringBuilder(event.getFormattedMessage());
		for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
			text.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
		}
		return text.toString();
	}

}
