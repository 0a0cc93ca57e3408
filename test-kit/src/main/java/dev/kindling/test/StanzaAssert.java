package dev.kindling.test;

import java.util.Objects;

import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;

/**
 * What every stanza has: addresses, id, error. Addresses compare as JIDs after normalization, so
 * {@code "Alice@LocalHost"} equals {@code "alice@localhost"}; a bare JID matches only a bare one.
 */
public abstract class StanzaAssert<SELF extends StanzaAssert<SELF, P>, P extends Packet> extends AbstractAssert<SELF, P> {

	protected StanzaAssert(P actual, Class<?> selfType) {
		super(actual, selfType);
	}

	public SELF isTo(String jid) {
		return address("to", this.actual.getTo(), jid);
	}

	public SELF isFrom(String jid) {
		return address("from", this.actual.getFrom(), jid);
	}

	public SELF hasId(String id) {
		isNotNull();
		if (!Objects.equals(this.actual.getID(), id)) {
			failWithMessage("Expected id '%s' but was '%s' in%n  %s", id, this.actual.getID(), this.actual.toXML());
		}
		return this.myself;
	}

	/** An error stanza with this condition, e.g. {@code service-unavailable}. */
	public SELF hasErrorCondition(Condition condition) {
		isNotNull();
		PacketError error = this.actual.getError();
		if (!"error".equals(this.actual.getElement().attributeValue("type")) || error == null) {
			failWithMessage("Expected an error '%s' but got%n  %s", condition.toXMPP(), this.actual.toXML());
		}
		else if (error.getCondition() != condition) {
			failWithMessage("Expected error '%s' but was '%s' in%n  %s", condition.toXMPP(),
					(error.getCondition() != null) ? error.getCondition().toXMPP() : null, this.actual.toXML());
		}
		return this.myself;
	}

	/** An error stanza of this type, e.g. {@code wait}. */
	public SELF hasErrorType(PacketError.Type type) {
		isNotNull();
		PacketError error = this.actual.getError();
		if (error == null || error.getType() != type) {
			failWithMessage("Expected an error of type '%s' in%n  %s", type.toXMPP(), this.actual.toXML());
		}
		return this.myself;
	}

	private SELF address(String attribute, @Nullable JID actualJid, String expected) {
		isNotNull();
		JID wanted = new JID(expected);
		if (!wanted.equals(actualJid)) {
			failWithMessage("Expected '%s' to be '%s' but was '%s' in%n  %s", attribute, wanted, actualJid,
					this.actual.toXML());
		}
		return this.myself;
	}

}
