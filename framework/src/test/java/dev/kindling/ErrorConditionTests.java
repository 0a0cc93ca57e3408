package dev.kindling;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.PacketError;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorConditionTests {

	@Test
	void everyTinderConditionHasAKindlingName() {
		for (PacketError.Condition tinder : PacketError.Condition.values()) {
			ErrorCondition condition = ErrorCondition.of(tinder);
			if (tinder != PacketError.Condition.payment_required) {
				assertThat(condition.toTinder()).isEqualTo(tinder);
				assertThat(condition.toXmpp()).isEqualTo(tinder.toXMPP());
			}
		}
		assertThat(ErrorCondition.of(PacketError.Condition.payment_required)).isEqualTo(ErrorCondition.NOT_AUTHORIZED);
	}

	@Test
	void theRfc6120ConditionsAreAllThere() {
		assertThat(ErrorCondition.values()).hasSize(22);
		assertThat(Arrays.stream(ErrorCondition.values()).map(ErrorCondition::toXmpp)).contains("policy-violation",
				"unexpected-request", "resource-constraint");
		assertThat(ErrorCondition.POLICY_VIOLATION.toTinder()).isNull();
	}

	@Test
	void defaultTypesAreRfc6120s() {
		assertThat(ErrorCondition.BAD_REQUEST.defaultType()).isEqualTo(ErrorType.MODIFY);
		assertThat(ErrorCondition.ITEM_NOT_FOUND.defaultType()).isEqualTo(ErrorType.CANCEL);
		assertThat(ErrorCondition.FORBIDDEN.defaultType()).isEqualTo(ErrorType.AUTH);
		assertThat(ErrorCondition.RESOURCE_CONSTRAINT.defaultType()).isEqualTo(ErrorType.WAIT);
		assertThat(ErrorCondition.INTERNAL_SERVER_ERROR.defaultType()).isEqualTo(ErrorType.CANCEL);
		for (ErrorType type : ErrorType.values()) {
			assertThat(ErrorType.of(type.toTinder())).isEqualTo(type);
			assertThat(type.toTinder().toXMPP()).isEqualTo(type.toXmpp().equals("continue") ? "continue" : type.toXmpp());
		}
	}

	@Test
	void senderFaultSplitsUserMistakesFromFailures() {
		assertThat(ErrorCondition.BAD_REQUEST.isSenderFault()).isTrue();
		assertThat(ErrorCondition.NOT_ACCEPTABLE.isSenderFault()).isTrue();
		assertThat(ErrorCondition.ITEM_NOT_FOUND.isSenderFault()).isTrue();
		assertThat(ErrorCondition.INTERNAL_SERVER_ERROR.isSenderFault()).isFalse();
		assertThat(ErrorCondition.SERVICE_UNAVAILABLE.isSenderFault()).isFalse();
		assertThat(ErrorCondition.RESOURCE_CONSTRAINT.isSenderFault()).isFalse();
	}

	@Test
	void xmppErrorExceptionTakesAndGivesBothVocabularies() {
		XmppErrorException kindling = new XmppErrorException(ErrorCondition.NOT_ALLOWED, "Not your turn");
		assertThat(kindling.getErrorCondition()).isEqualTo(ErrorCondition.NOT_ALLOWED);
		assertThat(kindling.getErrorType()).isEqualTo(ErrorType.CANCEL);
		assertThat(kindling.getCondition()).isEqualTo(PacketError.Condition.not_allowed);
		assertThat(kindling.getType()).isEqualTo(PacketError.Type.cancel);
		assertThat(kindling).hasMessage("not-allowed (cancel): Not your turn");

		XmppErrorException tinder = new XmppErrorException(PacketError.Condition.internal_server_error);
		assertThat(tinder.getErrorCondition()).isEqualTo(ErrorCondition.INTERNAL_SERVER_ERROR);
		assertThat(tinder.getErrorType()).as("Tinder's default, as before").isEqualTo(ErrorType.WAIT);
	}

	@Test
	void aConditionTinderLacksSurvivesTheRoundTrip() {
		PacketError error = new XmppErrorException(ErrorCondition.POLICY_VIOLATION, "No swearing").toPacketError();

		assertThat(error.toXML()).contains("type=\"modify\"").contains("<policy-violation")
			.contains("urn:ietf:params:xml:ns:xmpp-stanzas").contains("No swearing");
		XmppErrorException back = XmppErrorException.of(error);
		assertThat(back.getErrorCondition()).isEqualTo(ErrorCondition.POLICY_VIOLATION);
		assertThat(back.getErrorType()).isEqualTo(ErrorType.MODIFY);
		assertThat(back.getText()).isEqualTo("No swearing");
		assertThat(back.getCondition()).isEqualTo(PacketError.Condition.undefined_condition);
	}

}
