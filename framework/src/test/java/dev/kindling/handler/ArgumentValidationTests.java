package dev.kindling.handler;

import java.util.List;

import dev.kindling.observe.StanzaObserver;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.support.DefaultConversionService;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;

import dev.kindling.payload.PayloadHandlerMethodConfigurer;
import dev.kindling.payload.PayloadMapper;
import dev.kindling.payload.XmppPayload;
import dev.kindling.routing.StanzaRouter;
import dev.kindling.template.PendingRequests;
import dev.kindling.testsupport.CapturingXmppTemplate;
import dev.kindling.testsupport.Stanzas;
import dev.kindling.testsupport.TestRouting;

import static org.assertj.core.api.Assertions.assertThat;

/** Bean Validation of command arguments, {@code @Match} groups and {@code @Valid} payloads. */
class ArgumentValidationTests {

	private static final String USER = "alice@example.com/phone";

	private static final String BOT = "dice.example.com";

	private static final String NS = "urn:example:team";

	private final ValidatorFactory validation = Validation.byDefaultProvider().configure()
		.messageInterpolator(new ParameterMessageInterpolator())
		.buildValidatorFactory();

	private final PayloadMapper mapper = PayloadMapper.withDefaults();

	private final CapturingXmppTemplate template = new CapturingXmppTemplate(BOT);

	private final Handlers handlers = new Handlers();

	private final StanzaRouter router = router(this.handlers);

	@AfterEach
	void close() {
		this.validation.close();
	}

	@Test
	void aCommandArgumentThatBreaksAConstraintIsAnsweredNamingItAndTheHandlerDoesNotRun() {
		say("!roll 1");
		say("!roll 6");

		assertThat(this.handlers.rolled).containsExactly(6);
		assertThat(replies()).containsExactly("sides must be greater than or equal to 2", "rolled d6");
	}

	@Test
	void aMatchGroupIsValidatedUnderItsGroupName() {
		say("name: abcdef");

		assertThat(replies()).containsExactly("nick size must be between 1 and 4");
	}

	@Test
	void aValidPayloadsOwnConstraintsGiveABadRequestNamingTheComponent() {
		IQ request = new IQ(IQ.Type.set);
		request.setFrom(USER);
		request.setTo(BOT);
		request.setChildElement("team", NS).addAttribute("name", " ");

		this.router.route(request);

		IQ answer = (IQ) this.template.single();
		assertThat(answer.getType()).isEqualTo(IQ.Type.error);
		assertThat(answer.getError().getCondition()).isEqualTo(PacketError.Condition.bad_request);
		assertThat(answer.getError().getText()).isEqualTo("team.name must not be blank");
		assertThat(this.handlers.teams).isEmpty();
	}

	@Test
	void aMethodWithoutConstraintsGetsNoCheck() throws Exception {
		BeanArgumentValidator validator = new BeanArgumentValidator(this.validation.getValidator());

		assertThat(validator.forMethod(this.handlers, Handlers.class.getDeclaredMethod("plain", String.class), List.of("body")))
			.isNull();
	}

	private StanzaRouter router(Object handlers) {
		StanzaHandlerFactory factory = new StanzaHandlerFactory(new DefaultConversionService(),
				List.of(new PayloadHandlerMethodConfigurer(this.mapper)), "!",
				new BeanArgumentValidator(this.validation.getValidator()));
		HandlerRegistry registry = new HandlerRegistry();
		TestRouting.register(registry, factory, handlers);
		registry.freeze();
		return new StanzaRouter(registry, factory.returnValueHandlers(), this.template,
				new PendingRequests(10, StanzaObserver.NONE), StanzaObserver.NONE,
				List.of(), XmppExceptionHandlers.none());
	}

	private void say(String body) {
		this.router.route(Stanzas.chat(USER, BOT, body));
	}

	private List<String> replies() {
		return this.template.sent().stream().map((stanza) -> ((Message) stanza).getBody()).toList();
	}

	@XmppPayload(namespace = NS, element = "team")
	record Team(@NotBlank String name) {
	}

	static class Handlers {

		final List<Integer> rolled = new java.util.concurrent.CopyOnWriteArrayList<>();

		final List<Team> teams = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Command
		String roll(@Min(2) @Max(1000) int sides) {
			this.rolled.add(sides);
			return "rolled d" + sides;
		}

		@OnMessage(body = "name: (?<nick>.*)")
		String name(@Match("nick") @Size(min = 1, max = 4) String nick) {
			return "hi " + nick;
		}

		@OnIq(namespace = NS)
		void team(@Valid Team team) {
			this.teams.add(team);
		}

		@OnMessage(body = "plain")
		String plain(@Body String body) {
			return body;
		}

	}

}
