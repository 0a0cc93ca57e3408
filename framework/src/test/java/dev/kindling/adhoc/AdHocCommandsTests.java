package dev.kindling.adhoc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.springframework.util.ReflectionUtils;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.XmppErrorException;
import dev.kindling.disco.DiscoItem;
import dev.kindling.handler.HandlerDefinitionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AdHocCommandsTests {

	private static final JID ALICE = new JID("alice@example.com/phone");

	private static final JID ADMIN = new JID("admin@example.com/desk");

	private static final JID BOT = new JID("bot.example.com");

	private final MutableClock clock = new MutableClock();

	private final AdHocCommands commands = new AdHocCommands(2, Duration.ofMinutes(5), this.clock);

	@Test
	void runsAMultiStepCommandKeepingSessionValues() {
		registerAll(new Survey(), UnaryOperator.identity());

		Element first = this.commands.execute(request(ALICE, "survey", null, null), command("survey", null, null));
		String session = first.attributeValue("sessionid");
		assertThat(first.attributeValue("status")).isEqualTo("executing");
		assertThat(first.element("actions").attributeValue("execute")).isEqualTo("next");
		assertThat(new DataForm(first.element("x")).getField("color").getType()).isEqualTo(FormField.Type.list_single);

		Element second = this.commands.execute(request(ALICE, "survey", session, "next"),
				submit(command("survey", session, "next"), "color", "green"));
		assertThat(second.element("actions").attributeValue("execute")).isEqualTo("complete");

		Element done = this.commands.execute(request(ALICE, "survey", session, "complete"),
				submit(command("survey", session, "complete"), "size", "L"));
		assertThat(done.attributeValue("status")).isEqualTo("completed");
		assertThat(done.elementText("note")).isEqualTo("green L");
		assertThat(this.commands.openSessions()).isZero();
	}

	@Test
	void sessionsAreBoundedAndExpire() {
		registerAll(new Survey(), UnaryOperator.identity());
		this.commands.execute(request(ALICE, "survey", null, null), command("survey", null, null));
		String second = this.commands.execute(request(ALICE, "survey", null, null), command("survey", null, null))
			.attributeValue("sessionid");

		assertThatExceptionOfType(XmppErrorException.class)
			.isThrownBy(() -> this.commands.execute(request(ALICE, "survey", null, null), command("survey", null, null)))
			.satisfies((ex) -> {
				assertThat(ex.getCondition()).isEqualTo(Condition.resource_constraint);
				assertThat(ex.getType()).isEqualTo(PacketError.Type.wait);
			});

		this.clock.advance(Duration.ofMinutes(6));
		assertThatExceptionOfType(XmppErrorException.class)
			.isThrownBy(() -> this.commands.execute(request(ALICE, "survey", second, "next"),
					command("survey", second, "next")))
			.satisfies((ex) -> assertThat(ex.getCondition()).isEqualTo(Condition.bad_request));
		this.commands.execute(request(ALICE, "survey", null, null), command("survey", null, null));
		assertThat(this.commands.openSessions()).isEqualTo(1);
	}

	@Test
	void aSessionBelongsToItsRequesterAndCancelEndsIt() {
		registerAll(new Survey(), UnaryOperator.identity());
		String session = this.commands.execute(request(ALICE, "survey", null, null), command("survey", null, null))
			.attributeValue("sessionid");

		assertThatExceptionOfType(XmppErrorException.class)
			.isThrownBy(() -> this.commands.execute(request(ADMIN, "survey", session, "next"),
					command("survey", session, "next")))
			.satisfies((ex) -> assertThat(ex.getCondition()).isEqualTo(Condition.bad_request));

		Element canceled = this.commands.execute(request(ALICE, "survey", session, "cancel"),
				command("survey", session, "cancel"));
		assertThat(canceled.attributeValue("status")).isEqualTo("canceled");
		assertThat(this.commands.openSessions()).isZero();
	}

	@Test
	void restrictedCommandsAreHiddenAndForbiddenToOthers() {
		registerAll(new Restricted(), (value) -> value.equals("${admins}") ? "admin@example.com, root@example.com" : value);

		assertThat(this.commands.items(ALICE, BOT, AdHocCommands.NAMESPACE)).isEmpty();
		assertThat(this.commands.items(ADMIN, BOT, AdHocCommands.NAMESPACE))
			.containsExactly(new DiscoItem(BOT, "Reset", "reset"));
		assertThat(this.commands.items(ADMIN, BOT, null)).isEmpty();
		assertThatExceptionOfType(XmppErrorException.class)
			.isThrownBy(() -> this.commands.execute(request(ALICE, "reset", null, null), command("reset", null, null)))
			.satisfies((ex) -> assertThat(ex.getCondition()).isEqualTo(Condition.forbidden));
		assertThat(this.commands.execute(request(ADMIN, "reset", null, null), command("reset", null, null))
			.attributeValue("status")).isEqualTo("completed");
	}

	@Test
	void anUnknownCommandIsItemNotFound() {
		assertThatExceptionOfType(XmppErrorException.class)
			.isThrownBy(() -> this.commands.execute(request(ALICE, "nope", null, null), command("nope", null, null)))
			.satisfies((ex) -> assertThat(ex.getCondition()).isEqualTo(Condition.item_not_found));
	}

	@Test
	void badDeclarationsFailNamingTheMethod() {
		assertThatExceptionOfType(HandlerDefinitionException.class)
			.isThrownBy(() -> registerAll(new WrongSignature(), UnaryOperator.identity()))
			.withMessageContaining("WrongSignature.run");
		registerAll(new Restricted(), (value) -> "admin@example.com");
		assertThatExceptionOfType(HandlerDefinitionException.class)
			.isThrownBy(() -> registerAll(new Restricted(), (value) -> "admin@example.com"))
			.withMessageContaining("taken");
	}

	private void registerAll(Object bean, UnaryOperator<String> placeholders) {
		ReflectionUtils.doWithMethods(bean.getClass(), (method) -> this.commands.register(bean, method, placeholders),
				AdHocCommands::isCommand);
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
