package dev.kindling.adhoc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import org.dom4j.Element;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.util.ReflectionUtils;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.XmppErrorException;
import dev.kindling.disco.DiscoItem;
import dev.kindling.handler.ArgumentValidator;
import dev.kindling.handler.From;
import dev.kindling.handler.HandlerDefinitionException;
import dev.kindling.handler.HandlerMethodConfigurer;
import dev.kindling.handler.HandlerRegistry;
import dev.kindling.handler.StanzaHandlerFactory;
import dev.kindling.handler.XmppExceptionHandler;
import dev.kindling.handler.XmppExceptionHandlers;
import dev.kindling.observe.HandlerOutcome;
import dev.kindling.observe.ObservedHandler;
import dev.kindling.observe.StanzaObserver;
import dev.kindling.routing.StanzaRouter;
import dev.kindling.template.PendingRequests;
import dev.kindling.template.XmppTemplate;
import dev.kindling.testsupport.CapturingXmppTemplate;
import dev.kindling.testsupport.TestRouting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AdHocCommandsTests {

	private static final JID ALICE = new JID("alice@example.com/phone");

	private static final JID ADMIN = new JID("admin@example.com/desk");

	private static final JID BOT = new JID("bot.example.com");

	private final MutableClock clock = new MutableClock();

	private final CapturingXmppTemplate template = new CapturingXmppTemplate();

	private final StanzaHandlerFactory factory = new StanzaHandlerFactory(new DefaultConversionService(),
			List.of(new TimeConfigurer()), "!", ArgumentValidator.NONE);

	private final AdHocCommands commands = new AdHocCommands(this.factory);

	private final CommandSessions sessions = new CommandSessions(2, Duration.ofMinutes(5), this.clock);

	private final AdHocCommandHandler handler = new AdHocCommandHandler(this.commands, this.sessions);

	private final List<String> observed = new CopyOnWriteArrayList<>();

	@Test
	void runsAMultiStepCommandKeepingSessionValues() {
		registerAll(new Survey(), UnaryOperator.identity());

		Element first = execute(request(ALICE, "survey", null, null), command("survey", null, null));
		String session = first.attributeValue("sessionid");
		assertThat(first.attributeValue("status")).isEqualTo("executing");
		assertThat(first.element("actions").attributeValue("execute")).isEqualTo("next");
		assertThat(new DataForm(first.element("x")).getField("color").getType()).isEqualTo(FormField.Type.list_single);

		Element second = execute(request(ALICE, "survey", session, "next"),
				submit(command("survey", session, "next"), "color", "green"));
		assertThat(second.element("actions").attributeValue("execute")).isEqualTo("complete");

		Element done = execute(request(ALICE, "survey", session, "complete"),
				submit(command("survey", session, "complete"), "size", "L"));
		assertThat(done.attributeValue("status")).isEqualTo("completed");
		assertThat(done.elementText("note")).isEqualTo("green L");
		assertThat(this.sessions.openSessions()).isZero();
	}

	@Test
	void sessionsAreBoundedAndExpire() {
		registerAll(new Survey(), UnaryOperator.identity());
		execute(request(ALICE, "survey", null, null), command("survey", null, null));
		String second = execute(request(ALICE, "survey", null, null), command("survey", null, null))
			.attributeValue("sessionid");

		assertThatExceptionOfType(XmppErrorException.class)
			.isThrownBy(() -> execute(request(ALICE, "survey", null, null), command("survey", null, null)))
			.satisfies((ex) -> {
				assertThat(ex.getCondition()).isEqualTo(Condition.resource_constraint);
				assertThat(ex.getType()).isEqualTo(PacketError.Type.wait);
			});

		this.clock.advance(Duration.ofMinutes(6));
		assertThatExceptionOfType(XmppErrorException.class)
			.isThrownBy(() -> execute(request(ALICE, "survey", second, "next"),
					command("survey", second, "next")))
			.satisfies((ex) -> assertThat(ex.getCondition()).isEqualTo(Condition.bad_request));
		execute(request(ALICE, "survey", null, null), command("survey", null, null));
		assertThat(this.sessions.openSessions()).isEqualTo(1);
	}

	@Test
	void aSessionBelongsToItsRequesterAndCancelEndsIt() {
		registerAll(new Survey(), UnaryOperator.identity());
		String session = execute(request(ALICE, "survey", null, null), command("survey", null, null))
			.attributeValue("sessionid");

		assertThatExceptionOfType(XmppErrorException.class)
			.isThrownBy(() -> execute(request(ADMIN, "survey", session, "next"),
					command("survey", session, "next")))
			.satisfies((ex) -> assertThat(ex.getCondition()).isEqualTo(Condition.bad_request));

		Element canceled = execute(request(ALICE, "survey", session, "cancel"),
				command("survey", session, "cancel"));
		assertThat(canceled.attributeValue("status")).isEqualTo("canceled");
		assertThat(this.sessions.openSessions()).isZero();
	}

	@Test
	void restrictedCommandsAreHiddenAndForbiddenToOthers() {
		registerAll(new Restricted(), (value) -> value.equals("${admins}") ? "admin@example.com, root@example.com" : value);

		assertThat(this.commands.items(ALICE, BOT, AdHocCommands.NAMESPACE)).isEmpty();
		assertThat(this.commands.items(ADMIN, BOT, AdHocCommands.NAMESPACE))
			.containsExactly(new DiscoItem(BOT, "Reset", "reset"));
		assertThat(this.commands.items(ADMIN, BOT, null)).isEmpty();
		assertThatExceptionOfType(XmppErrorException.class)
			.isThrownBy(() -> execute(request(ALICE, "reset", null, null), command("reset", null, null)))
			.satisfies((ex) -> assertThat(ex.getCondition()).isEqualTo(Condition.forbidden));
		assertThat(execute(request(ADMIN, "reset", null, null), command("reset", null, null))
			.attributeValue("status")).isEqualTo("completed");
	}

	@Test
	void anUnknownCommandIsItemNotFound() {
		assertThatExceptionOfType(XmppErrorException.class)
			.isThrownBy(() -> execute(request(ALICE, "nope", null, null), command("nope", null, null)))
			.satisfies((ex) -> assertThat(ex.getCondition()).isEqualTo(Condition.item_not_found));
	}

	@Test
	void commandsTakeTheArgumentsOfEveryHandler() {
		registerAll(new Greeter(), UnaryOperator.identity());
		StanzaRouter router = router(new XmppExceptionHandlers(this.factory.argumentResolvers()));

		router.route(request(ALICE, "greet", null, null));

		List<Packet> sent = this.template.sent();
		assertThat(sent).hasSize(2);
		assertThat(sent.get(0).toXML()).contains("to=\"admin@example.com\"").contains("alice@example.com/phone greeted");
		IQ result = (IQ) sent.get(1);
		assertThat(result.getType()).isEqualTo(IQ.Type.result);
		assertThat(result.getChildElement().elementText("note")).isEqualTo("hello alice@example.com/phone at 2026-01-01T00:00:00Z");
	}

	@Test
	void aCommandsXmppErrorAnswersTheStepAndKeepsTheSession() {
		registerAll(new Survey(), UnaryOperator.identity());
		StanzaRouter router = router(new XmppExceptionHandlers(this.factory.argumentResolvers()));
		String session = execute(request(ALICE, "survey", null, null), command("survey", null, null))
			.attributeValue("sessionid");

		router.route(request(ALICE, "survey", session, "next"));

		IQ error = (IQ) this.template.sent().get(0);
		assertThat(error.getError().getCondition()).isEqualTo(Condition.bad_request);
		assertThat(error.getError().getText()).contains("color");
		assertThat(this.sessions.openSessions()).isEqualTo(1);
	}

	@Test
	void theCommandBeansExceptionHandlerAnswersAndAFailureEndsTheSession() {
		Fragile fragile = new Fragile();
		registerAll(fragile, UnaryOperator.identity());
		XmppExceptionHandlers exceptionHandlers = new XmppExceptionHandlers(this.factory.argumentResolvers());
		exceptionHandlers.register(fragile);
		StanzaRouter router = router(exceptionHandlers);

		router.route(request(ALICE, "fragile", null, null));

		IQ error = (IQ) this.template.sent().get(0);
		assertThat(error.getError().getCondition()).isEqualTo(Condition.not_allowed);
		assertThat(error.getError().getText()).isEqualTo("Not now, alice@example.com/phone");
		assertThat(fragile.seen).containsExactly("disk full");
		assertThat(this.sessions.openSessions()).isZero();
		// One stanza, one observation, under the handler that took it: steps that fail count with those that do not.
		assertThat(this.observed).containsExactly("AdHocCommandHandler.execute(IQ, Element, XmppTemplate) REJECTED");
	}

	@Test
	void badDeclarationsFailNamingTheMethod() {
		assertThatExceptionOfType(HandlerDefinitionException.class)
			.isThrownBy(() -> registerAll(new WrongSignature(), UnaryOperator.identity()))
			.withMessageContaining("WrongSignature.run(String)")
			.withMessageContaining("CommandStep");
		assertThatExceptionOfType(HandlerDefinitionException.class)
			.isThrownBy(() -> registerAll(new Unbindable(), UnaryOperator.identity()))
			.withMessageContaining("Unbindable.run(CommandRequest, Integer)")
			.withMessageContaining("parameter 1")
			.withMessageContaining("CommandRequest");
		registerAll(new Restricted(), (value) -> "admin@example.com");
		assertThatExceptionOfType(HandlerDefinitionException.class)
			.isThrownBy(() -> registerAll(new Restricted(), (value) -> "admin@example.com"))
			.withMessageContaining("taken");
	}

	private void registerAll(Object bean, UnaryOperator<String> placeholders) {
		ReflectionUtils.doWithMethods(bean.getClass(), (method) -> this.commands.register(bean, method, placeholders),
				AdHocCommands::isCommand);
	}

	private Element execute(IQ request, Element command) {
		return this.handler.execute(request, command, this.template);
	}

	/** A router whose table holds the commands' own {@code @OnIq} handler, as in the application. */
	private StanzaRouter router(XmppExceptionHandlers exceptionHandlers) {
		HandlerRegistry registry = new HandlerRegistry();
		TestRouting.register(registry, this.factory, this.handler);
		registry.freeze();
		return new StanzaRouter(registry, this.factory.returnValueHandlers(), this.template,
				new PendingRequests(10, StanzaObserver.NONE),
				new StanzaObserver() {

					@Override
					public void handled(ObservedHandler handler, Packet stanza, long nanos, HandlerOutcome outcome,
							@Nullable Throwable failure) {
						AdHocCommandsTests.this.observed.add(handler.name() + " " + outcome);
					}

				}, List.of(), exceptionHandlers);
	}

	private static IQ request(JID from, String node, String session, String action) {
		IQ iq = new IQ(IQ.Type.set);
		iq.setFrom(from);
		iq.setTo(BOT);
		iq.setChildElement(command(node, session, action));
		return iq;
	}

	private static Element command(String node, String session, String action) {
		Element command = org.dom4j.DocumentHelper.createElement(org.dom4j.QName.get("command", AdHocCommands.NAMESPACE));
		command.addAttribute("node", node);
		if (session != null) {
			command.addAttribute("sessionid", session);
		}
		if (action != null) {
			command.addAttribute("action", action);
		}
		return command;
	}

	private static Element submit(Element command, String var, String value) {
		DataForm form = new DataForm(DataForm.Type.submit);
		form.addField(var, null, null).addValue(value);
		command.add(form.getElement().createCopy());
		return command;
	}

	static class Survey {

		@AdHocCommand(node = "survey", name = "Survey")
		CommandStep run(CommandRequest request) {
			if (request.stage() == 0) {
				return CommandStep.next("Color", CommandField.choice("color", "Color", "red", "green"));
			}
			if (request.stage() == 1) {
				request.session().put("color", request.required("color"));
				return CommandStep.last("Size", CommandField.text("size", "Size"));
			}
			return CommandStep.done(request.session().get("color") + " " + request.required("size"));
		}

	}

	static class Restricted {

		@AdHocCommand(node = "reset", name = "Reset", allowed = "${admins}")
		CommandStep run(CommandRequest request) {
			return CommandStep.done("done");
		}

	}

	static class Greeter {

		@AdHocCommand(node = "greet", name = "Greet")
		CommandStep run(CommandRequest request, @From JID from, XmppTemplate template, Instant now) {
			Message notice = new Message();
			notice.setTo(new JID("admin@example.com"));
			notice.setBody(from + " greeted");
			template.send(notice);
			return CommandStep.done("hello " + request.requester() + " at " + now);
		}

	}

	static class Fragile {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@AdHocCommand(node = "fragile", name = "Fragile")
		CommandStep run(CommandRequest request) {
			throw new IllegalStateException("disk full");
		}

		@XmppExceptionHandler
		XmppErrorException busy(IllegalStateException ex, @From JID from) {
			this.seen.add(ex.getMessage());
			return new XmppErrorException(Condition.not_allowed, "Not now, " + from);
		}

	}

	static class Unbindable {

		@AdHocCommand(node = "y", name = "Y")
		CommandStep run(CommandRequest request, Integer number) {
			return CommandStep.done("no");
		}

	}

	/** A resolver of the application's own, contributed like any other. */
	static final class TimeConfigurer implements HandlerMethodConfigurer {

		@Override
		public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
			resolvers.add(new HandlerMethodArgumentResolver() {

				@Override
				public boolean supportsParameter(MethodParameter parameter) {
					return parameter.getParameterType() == Instant.class;
				}

				@Override
				public Object resolveArgument(MethodParameter parameter, org.springframework.messaging.Message<?> message) {
					return Instant.parse("2026-01-01T00:00:00Z");
				}

			});
		}

	}

	static class WrongSignature {

		@AdHocCommand(node = "x", name = "X")
		String run(String text) {
			return text;
		}

	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
