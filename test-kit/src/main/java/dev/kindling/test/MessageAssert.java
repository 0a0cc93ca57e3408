package dev.kindling.test;

import java.util.Objects;
import java.util.regex.Pattern;

import org.xmpp.packet.Message;

/**
 * Assertions on a message the component wrote.
 */
public final class MessageAssert extends StanzaAssert<MessageAssert, Message> {

	MessageAssert(Message actual) {
		super(actual, MessageAssert.class);
	}

	public MessageAssert hasType(Message.Type type) {
		isNotNull();
		if (this.actual.getType() != type) {
			failWithMessage("Expected a %s message but was %s:%n  %s", type, this.actual.getType(), this.actual.toXML());
		}
		return this;
	}

	public MessageAssert isChat() {
		return hasType(Message.Type.chat);
	}

	public MessageAssert isGroupchat() {
		return hasType(Message.Type.groupchat);
	}

	public MessageAssert hasBody(String body) {
		isNotNull();
		if (!Objects.equals(this.actual.getBody(), body)) {
			failWithMessage("Expected body '%s' but was '%s' in%n  %s", body, this.actual.getBody(), this.actual.toXML());
		}
		return this;
	}

	/** A body the regular expression matches as a whole. */
	public MessageAssert hasBodyMatching(String regex) {
		isNotNull();
		String body = this.actual.getBody();
		if (body == null || !Pattern.compile(regex, Pattern.DOTALL).matcher(body).matches()) {
			failWithMessage("Expected a body matching '%s' but was '%s' in%n  %s", regex, body, this.actual.toXML());
		}
		return this;
	}

}
