package dev.kindling.test;

import java.util.List;

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * Assertions on what the component wrote. Failure messages show every stanza as XML.
 */
public final class SentStanzasAssert extends AbstractAssert<SentStanzasAssert, SentStanzas> {

	SentStanzasAssert(SentStanzas actual) {
		super(actual, SentStanzasAssert.class);
	}

	public SentStanzasAssert isEmpty() {
		isNotNull();
		if (!this.actual.isEmpty()) {
			failWithMessage("Expected no stanzas but the component wrote:%s", this.actual);
		}
		return this;
	}

	public SentStanzasAssert hasSize(int expected) {
		isNotNull();
		if (this.actual.size() != expected) {
			failWithMessage("Expected %s stanzas but the component wrote %s:%s", expected, this.actual.size(), this.actual);
		}
		return this;
	}

	/** The only stanza written, which must be a message. */
	public MessageAssert singleMessage() {
		return new MessageAssert(single(Message.class));
	}

	/** The only stanza written, which must be an IQ. */
	public IqAssert singleIq() {
		return new IqAssert(single(IQ.class));
	}

	/** The only stanza written, which must be a presence. */
	public PresenceAssert singlePresence() {
		return new PresenceAssert(single(Presence.class));
	}

	/** The message at this index among the messages written (0 for the first). */
	public MessageAssert message(int index) {
		return new MessageAssert(at(this.actual.messages(), index, "messages"));
	}

	/** The IQ at this index among the IQs written. */
	public IqAssert iq(int index) {
		return new IqAssert(at(this.actual.iqs(), index, "IQs"));
	}

	/** The presence at this index among the presences written. */
	public PresenceAssert presence(int index) {
		return new PresenceAssert(at(this.actual.presences(), index, "presences"));
	}

	/** The bodies of the messages written, in order; e.g. {@code .bodies().containsExactly("1", "2")}. */
	public ListAssert<String> bodies() {
		isNotNull();
		return Assertions.assertThat(this.actual.messages().stream().map(Message::getBody).toList())
			.as("bodies of the messages the component wrote:%s", this.actual);
	}

	private <P extends Packet> P single(Class<P> type) {
		isNotNull();
		if (this.actual.size() != 1) {
			failWithMessage("Expected exactly one %s but the component wrote %s stanzas:%s", name(type), this.actual.size(),
					this.actual);
		}
		Packet only = this.actual.all().get(0);
		if (!type.isInstance(only)) {
			failWithMessage("Expected %s but the component wrote:%s", withArticle(type), this.actual);
		}
		return type.cast(only);
	}

	private <P extends Packet> P at(List<P> stanzas, int index, String what) {
		isNotNull();
		if (index < 0 || index >= stanzas.size()) {
			failWithMessage("Expected %s at index %s but the component wrote %s of them:%s", what, index, stanzas.size(),
					this.actual);
		}
		return stanzas.get(index);
	}

	private static String withArticle(Class<? extends Packet> type) {
		return ((type == IQ.class) ? "an " : "a ") + name(type);
	}

	private static String name(Class<? extends Packet> type) {
		return (type == IQ.class) ? "IQ" : type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
	}

}
