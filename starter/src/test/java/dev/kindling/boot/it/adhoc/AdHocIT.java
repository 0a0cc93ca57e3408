package dev.kindling.boot.it.adhoc;

import java.time.Duration;
import java.util.Map;

import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.commands.AdHocCommand.Status;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.AdHocCommandNote;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.Jid;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.kindling.adhoc.AdHocCommand;
import dev.kindling.adhoc.AdHocCommands;
import dev.kindling.adhoc.CommandField;
import dev.kindling.adhoc.CommandRequest;
import dev.kindling.adhoc.CommandSessions;
import dev.kindling.adhoc.CommandStep;
import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.test.ProsodyExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** Smack's ad-hoc command client lists and runs the component's commands on a real Prosody. */
class AdHocIT {

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice", "bob");

	static ConfigurableApplicationContext bot;

	static XmppTestClient alice;

	static XmppTestClient bob;

	static Jid component;

	@BeforeAll
	static void start() {
		bot = new SpringApplicationBuilder(CommandBot.class).web(WebApplicationType.NONE)
			.properties(Map.of("xmpp.component.host", prosody.server().host(), "xmpp.component.port",
					prosody.server().componentPort(), "xmpp.component.domain", prosody.server().componentDomain(),
					"xmpp.component.secret", prosody.server().componentSecret(), "spring.main.banner-mode", "off",
					"bot.admins", "bob@" + prosody.server().domain()))
			.run();
		ComponentConnection connection = bot.getBean(ComponentConnection.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() == ConnectionState.CONNECTED);
		alice = XmppTestClient.login(prosody.server(), "alice", "alice");
		bob = XmppTestClient.login(prosody.server(), "bob", "bob");
		component = XmppTestClient.jid(prosody.server().componentDomain());
	}

	@AfterAll
	static void stop() {
		for (XmppTestClient client : new XmppTestClient[] { alice, bob }) {
			if (client != null) {
				client.close();
			}
		}
		if (bot != null) {
			bot.close();
		}
	}

	@Test
	void commandsAreListedToThoseAllowedAndTheFeatureIsAnnounced() throws Exception {
		DiscoverItems forAlice = AdHocCommandManager.getAddHocCommandsManager(alice.connection()).discoverCommands(component);
		DiscoverItems forBob = AdHocCommandManager.getAddHocCommandsManager(bob.connection()).discoverCommands(component);

		assertThat(forAlice.getItems()).extracting(DiscoverItems.Item::getNode).containsExactly("greet");
		assertThat(forAlice.getItems()).extracting(DiscoverItems.Item::getName).containsExactly("Greet someone");
		assertThat(forBob.getItems()).extracting(DiscoverItems.Item::getNode).containsExactlyInAnyOrder("greet", "reset");
		assertThat(ServiceDiscoveryManager.getInstanceFor(alice.connection()).supportsFeature(component,
				AdHocCommands.NAMESPACE)).isTrue();
	}

	@Test
	void aTwoStepCommandRunsWithAForm() throws Exception {
		RemoteCommand greet = AdHocCommandManager.getAddHocCommandsManager(alice.connection())
			.getRemoteCommand(component, "greet");

		greet.execute();
		assertThat(greet.getStatus()).isEqualTo(Status.executing);
		assertThat(greet.getForm().getTitle()).isEqualTo("Whom to greet?");
		FillableForm form = new FillableForm(greet.getForm());
		form.setAnswer("name", "Carol");
		form.setAnswer("loud", true);
		greet.complete(form);

		assertThat(greet.isCompleted()).isTrue();
		assertThat(greet.getNotes()).extracting(AdHocCommandNote::getValue).containsExactly("HELLO, CAROL!");
		assertThat(bot.getBean(CommandSessions.class).openSessions()).isZero();
	}

	@Test
	void aCanceledCommandEndsItsSession() throws Exception {
		RemoteCommand greet = AdHocCommandManager.getAddHocCommandsManager(alice.connection())
			.getRemoteCommand(component, "greet");
		greet.execute();
		assertThat(bot.getBean(CommandSessions.class).openSessions()).isEqualTo(1);

		greet.cancel();

		assertThat(greet.getStatus()).isEqualTo(Status.canceled);
		assertThat(bot.getBean(CommandSessions.class).openSessions()).isZero();
	}

	@Test
	void aCommandRestrictedByAPropertyIsForbiddenToOthers() throws Exception {
		assertThatExceptionOfType(XMPPErrorException.class)
			.isThrownBy(() -> AdHocCommandManager.getAddHocCommandsManager(alice.connection())
				.getRemoteCommand(component, "reset")
				.execute())
			.satisfies((ex) -> assertThat(ex.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.forbidden));

		RemoteCommand reset = AdHocCommandManager.getAddHocCommandsManager(bob.connection()).getRemoteCommand(component,
				"reset");
		reset.execute();
		assertThat(reset.isCompleted()).isTrue();
		assertThat(reset.getNotes()).extracting(AdHocCommandNote::getValue).containsExactly("Reset done");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class CommandBot {

		@Bean
		Commands commands() {
			return new Commands();
		}

	}

	static class Commands {

		@AdHocCommand(node = "greet", name = "Greet someone")
		CommandStep greet(CommandRequest request) {
			if (request.stage() == 0) {
				return CommandStep.last("Whom to greet?", CommandField.text("name", "Name"),
						CommandField.bool("loud", "Shout?"));
			}
			String greeting = "Hello, " + request.required("name") + "!";
			boolean loud = "true".equals(request.value("loud")) || "1".equals(request.value("loud"));
			return CommandStep.done(loud ? greeting.toUpperCase(java.util.Locale.ROOT) : greeting);
		}

		@AdHocCommand(node = "reset", name = "Reset the scores", allowed = "${bot.admins}")
		CommandStep reset(CommandRequest request) {
			return CommandStep.done("Reset done");
		}

	}

}
