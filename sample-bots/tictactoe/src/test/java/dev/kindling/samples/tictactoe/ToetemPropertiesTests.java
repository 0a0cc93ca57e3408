package dev.kindling.samples.tictactoe;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

import dev.kindling.muc.MucRooms;
import dev.kindling.muc.MucSettings;
import dev.kindling.payload.PayloadMapper;
import dev.kindling.template.XmppTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code toetem.*} properties (defaults, a bad value failing startup with its name) and the
 * referee's timer, which stops with the context.
 */
class ToetemPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Infrastructure.class, ToetemConfiguration.class, GameRegistry.class, Spectators.class,
				GameEvents.class, GameRooms.class, Forfeits.class, GameAddresses.class);

	@Test
	void defaultsToAThirtySecondGraceAndRoomsOnTheConferenceServiceOfTheParentDomain() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			ToetemProperties properties = context.getBean(ToetemProperties.class);
			assertThat(properties.forfeitGrace()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.rooms().enabled()).isTrue();
			assertThat(properties.rooms().nick()).isEqualTo("referee");
			assertThat(properties.rooms().linger()).isEqualTo(Duration.ofSeconds(60));
			assertThat(context.getBean(GameRooms.class).service()).isEqualTo("conference.example.com");
			assertThat(context.getBean(GameRooms.class).roomOf("g1")).isNull();
		});
	}

	@Test
	void takesTheRoomServiceFromItsProperty() {
		this.runner.withPropertyValues("toetem.rooms.service=muc.example.com").run((context) -> {
			assertThat(context.getBean(GameRooms.class).service()).isEqualTo("muc.example.com");
		});
	}

	@Test
	void aNegativeGraceFailsStartupNamingTheProperty() {
		assertFailsNaming(this.runner.withPropertyValues("toetem.forfeit-grace=-1s"), "toetem.forfeit-grace");
	}

	@Test
	void aRoomServiceThatIsNotADomainFailsStartupNamingTheProperty() {
		assertFailsNaming(this.runner.withPropertyValues("toetem.rooms.service=games@conference.example.com"),
				"toetem.rooms.service");
	}

	@Test
	void aBlankNickOrNegativeLingerFailsStartupNamingTheProperty() {
		assertFailsNaming(this.runner.withPropertyValues("toetem.rooms.nick= "), "toetem.rooms.nick");
		assertFailsNaming(this.runner.withPropertyValues("toetem.rooms.linger=-5s"), "toetem.rooms.linger");
	}

	@Test
	void roomsWithoutTheMucHelperFailStartupUnlessSwitchedOff() {
		ApplicationContextRunner withoutMuc = new ApplicationContextRunner().withUserConfiguration(Template.class,
				ToetemConfiguration.class, GameRegistry.class, Spectators.class, GameEvents.class, GameRooms.class,
				Forfeits.class, GameAddresses.class);

		assertFailsNaming(withoutMuc, "toetem.rooms.enabled");
		withoutMuc.withPropertyValues("toetem.rooms.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(Forfeits.class));
	}

	@Test
	void theTimerThreadStopsWithTheContext() {
		java.util.concurrent.ScheduledExecutorService[] timer = new java.util.concurrent.ScheduledExecutorService[1];
		this.runner.run((context) -> {
			timer[0] = context.getBean(java.util.concurrent.ScheduledExecutorService.class);
			timer[0].submit(() -> null).get();
			assertThat(Thread.getAllStackTraces().keySet()).anyMatch((thread) -> thread.getName().equals("toetem-timer"));
		});

		assertThat(timer[0].isShutdown()).isTrue();
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(timer[0]::isTerminated);
	}

	private static void assertFailsNaming(ApplicationContextRunner runner, String property) {
		runner.run((context) -> assertThat(context).getFailure()
			.rootCause()
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining(property));
	}

	@Configuration(proxyBeanMethods = false)
	static class Template {

		@Bean
		GameStore store() {
			return new GameStore.InMemory();
		}

		@Bean
		XmppTemplate template() {
			return new XmppTemplate() {
				@Override
				public JID componentJid() {
					return new JID("toetem.example.com");
				}

				@Override
				public void send(Packet stanza) {
				}

				@Override
				public java.util.concurrent.CompletableFuture<org.xmpp.packet.IQ> request(org.xmpp.packet.IQ request) {
					return new java.util.concurrent.CompletableFuture<>();
				}

				@Override
				public java.util.concurrent.CompletableFuture<org.xmpp.packet.IQ> request(org.xmpp.packet.IQ request,
						Duration timeout) {
					return new java.util.concurrent.CompletableFuture<>();
				}
			};
		}

		@Bean
		PayloadMapper payloads() {
			return PayloadMapper.withDefaults();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Infrastructure extends Template {

		@Bean
		MucRooms muc(XmppTemplate template, org.springframework.context.ApplicationEventPublisher events) {
			return new MucRooms(template, MucSettings.defaults(), events, java.util.List.of());
		}

	}

}
