package dev.kindling.boot.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xmpp.forms.DataForm;
import org.xmpp.packet.JID;

import dev.kindling.forms.FormReader;
import dev.kindling.handler.Body;
import dev.kindling.handler.HandlerDefinitionException;
import dev.kindling.muc.MucHandlerMethodConfigurer;
import dev.kindling.muc.Nick;
import dev.kindling.muc.OccupantEvent;
import dev.kindling.muc.OccupantHandlers;
import dev.kindling.muc.OnOccupant;
import dev.kindling.health.XmppHealthContributor;
import dev.kindling.health.XmppHealthReport;
import dev.kindling.muc.Invitations;
import dev.kindling.muc.MucRooms;
import dev.kindling.muc.MucSettings;
import dev.kindling.muc.Room;
import dev.kindling.muc.RoomKeeper;
import dev.kindling.muc.RoomTraffic;
import dev.kindling.routing.RoutingInterceptor;
import dev.kindling.routing.StanzaRouter;
import dev.kindling.template.XmppTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class XmppMucAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XmppComponentAutoConfiguration.class, XmppMucAutoConfiguration.class))
		.withPropertyValues("xmpp.component.host=127.0.0.1",
				"xmpp.component.port=" + XmppComponentAutoConfigurationTests.CLOSED_PORT,
				"xmpp.component.shutdown-timeout=1s", "xmpp.component.domain=bot.example.com",
				"xmpp.component.secret=s3cret");

	@Test
	void roomsComeFromPropertiesWithDefaults() {
		this.runner
			.withPropertyValues("xmpp.muc.nick=Referee", "xmpp.muc.rooms[0].jid=lobby@conference.example.com",
					"xmpp.muc.rooms[0].required=true", "xmpp.muc.rooms[1].jid=games@conference.example.com",
					"xmpp.muc.rooms[1].nick=Dealer", "xmpp.muc.rooms[1].join-as=dealer@bot.example.com",
					"xmpp.muc.rooms[1].configuration[muc#roomconfig_persistentroom]=1")
			.run((context) -> {
				assertThat(context).hasSingleBean(MucRooms.class).hasSingleBean(MucHandlerMethodConfigurer.class)
					.hasSingleBean(RoomTraffic.class).hasSingleBean(RoomKeeper.class).hasSingleBean(Invitations.class);
				assertThat(context.getBeansOfType(RoutingInterceptor.class).values()).hasAtLeastOneElementOfType(RoomTraffic.class);
				MucRooms rooms = context.getBean(MucRooms.class);
				Room lobby = rooms.room(new JID("lobby@conference.example.com")).orElseThrow();
				assertThat(lobby.nick()).isEqualTo("Referee");
				assertThat(lobby.occupantJid()).isEqualTo(new JID("bot.example.com/Referee"));
				assertThat(lobby.isRequired()).isTrue();
				Room games = rooms.room(new JID("games@conference.example.com")).orElseThrow();
				assertThat(games.occupantJid()).isEqualTo(new JID("dealer@bot.example.com/Dealer"));
				DataForm form = games.spec().configuration();
				assertThat(FormReader.of(form).formType()).contains("http://jabber.org/protocol/muc#roomconfig");
				assertThat(FormReader.of(form).bool("muc#roomconfig_persistentroom")).contains(true);
				assertThat(rooms.requiredRoomsJoined()).isFalse();
			});
	}

	@Test
	void onOccupantMethodsBecomeEndpointsOfTheOccupantHandlers() {
		this.runner.withPropertyValues("xmpp.muc.rooms[0].jid=lobby@conference.example.com")
			.withBean(Greeter.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(OccupantHandlers.class);
				assertThat(context.getBean(OccupantHandlers.class).handlers()).singleElement()
					.satisfies((handler) -> assertThat(handler.mapping()).isEqualTo("@OnOccupant(kind=[JOINED], room=[lobby])"));
			});
	}

	@Test
	void anOnOccupantParameterNoResolverTakesFailsStartupNamingTheMethod() {
		this.runner.withBean(UnboundGreeter.class).run((context) -> assertThat(context).getFailure()
			.isInstanceOf(HandlerDefinitionException.class)
			.hasMessageContaining("UnboundGreeter.greet(String)")
			.hasMessageContaining("cannot be bound for @OnOccupant(kind=[JOINED])")
			.hasMessageContaining("@Previous Occupant"));
	}

	@Test
	void anOnOccupantRoomOneLetterFromAConfiguredRoomFailsStartup() {
		this.runner.withPropertyValues("xmpp.muc.rooms[0].jid=lobby@conference.example.com")
			.withBean(MistypedGreeter.class)
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(HandlerDefinitionException.class)
				.hasMessageContaining("MistypedGreeter.greet() takes occupant changes in room 'loby'")
				.hasMessageContaining("did you mean 'lobby'?"));
	}

	static class Greeter {

		@OnOccupant(kind = OccupantEvent.Kind.JOINED, room = "lobby")
		String greet(@Nick String nick) {
			return "Welcome, " + nick;
		}

	}

	static class UnboundGreeter {

		@OnOccupant(kind = OccupantEvent.Kind.JOINED)
		void greet(@Body String body) {
		}

	}

	static class MistypedGreeter {

		@OnOccupant(room = "loby")
		void greet() {
		}

	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withPropertyValues("xmpp.muc.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MucRooms.class)
				.hasSingleBean(StanzaRouter.class));
	}

	@Test
	void roomWithoutLocalPartFailsNamingTheProperty() {
		this.runner.withPropertyValues("xmpp.muc.rooms[0].jid=conference.example.com").run((context) -> assertThat(context)
			.getFailure()
			.rootCause()
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
					(ex) -> assertThat(ex.getName()).isEqualTo("xmpp.muc.rooms[0].jid")));
	}

	@Test
	void joinAsOutsideTheComponentDomainFailsNamingTheProperty() {
		this.runner
			.withPropertyValues("xmpp.muc.rooms[0].jid=lobby@conference.example.com",
					"xmpp.muc.rooms[0].join-as=alice@example.com")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo("xmpp.muc.rooms[0].join-as");
					assertThat(ex.getMessage()).contains("bot.example.com");
				}));
	}

	@Test
	void badTimesFailNamingTheProperty() {
		this.runner.withPropertyValues("xmpp.muc.join-timeout=0s").run((context) -> assertThat(context).getFailure()
			.rootCause()
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
					(ex) -> assertThat(ex.getName()).isEqualTo("xmpp.muc.join-timeout")));
		this.runner.withPropertyValues("xmpp.muc.nick-attempts=-1").run((context) -> assertThat(context).getFailure()
			.rootCause()
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
					(ex) -> assertThat(ex.getName()).isEqualTo("xmpp.muc.nick-attempts")));
	}

	@Test
	void userMucRoomsBeanWins() {
		this.runner.withUserConfiguration(OwnRooms.class).run((context) -> {
			assertThat(context).hasSingleBean(MucRooms.class).hasSingleBean(RoomTraffic.class).hasSingleBean(RoomKeeper.class);
			assertThat(context.getBean(MucRooms.class).rooms()).isEmpty();
		});
	}

	@Test
	void requiredRoomsFeedTheComponentsHealth() {
		this.runner
			.withPropertyValues("xmpp.muc.rooms[0].jid=lobby@conference.example.com", "xmpp.muc.rooms[0].required=true",
					"xmpp.muc.rooms[1].jid=games@conference.example.com")
			.run((context) -> {
				XmppHealthReport report = new XmppHealthReport();
				context.getBean(XmppHealthContributor.class).contribute(report);
				assertThat(report.isDown()).isTrue();
				assertThat(report.downReasons()).containsExactly("required room not joined: lobby@conference.example.com");
				assertThat(report.details()).containsEntry("rooms", Map.of("lobby@conference.example.com",
						"not_joined (required)", "games@conference.example.com", "not_joined"));
			});
	}

	@Test
	void healthIsUpWithoutRequiredRooms() {
		this.runner.withPropertyValues("xmpp.muc.rooms[0].jid=games@conference.example.com").run((context) -> {
			XmppHealthReport report = new XmppHealthReport();
			context.getBean(XmppHealthContributor.class).contribute(report);
			assertThat(report.isDown()).isFalse();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRooms {

		@Bean
		MucRooms myRooms(XmppTemplate template, org.springframework.context.ApplicationEventPublisher events) {
			return new MucRooms(template, MucSettings.defaults(), events, java.util.List.of());
		}

	}

}
