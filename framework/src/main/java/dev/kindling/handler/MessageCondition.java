package dev.kindling.handler;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dom4j.Element;
import org.jspecify.annotations.Nullable;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * {@link OnMessage}'s filters: types, a whole-body pattern, recipient local parts, and the
 * namespace of an extension element that stands in for the body requirement.
 */
record MessageCondition(Set<MessageType> types, boolean explicitTypes, @Nullable Pattern body, Set<String> to,
		Set<String> rooms, @Nullable String extension, String bodyPrefix, int literalLength) implements StanzaCondition {

	/** Characters that end a pattern's literal start; {@code ?*{} also make the character before optional. */
	private static final String REGEX_SYNTAX = "\\.[]{}()*+?^$|";

	static MessageCondition of(OnMessage annotation) {
		Set<MessageType> types = (annotation.type().length == 0) ? EnumSet.complementOf(EnumSet.of(MessageType.ERROR))
				: EnumSet.copyOf(Arrays.asList(annotation.type()));
		Pattern body = annotation.body().isEmpty() ? null : Pattern.compile(annotation.body(), Pattern.DOTALL);
		Set<String> to = new LinkedHashSet<>();
		for (String local : annotation.to()) {
			// JIDs arrive prepared (lower-cased), so the filter is prepared the same way.
			to.add(JID.nodeprep(local));
		}
		Set<String> rooms = RoomNames.of(annotation.room());
		String extension = annotation.extension().isEmpty() ? null : annotation.extension();
		return new MessageCondition(types, annotation.type().length > 0, body, to, rooms, extension,
				literalPrefix(annotation.body()), literalCharacters(annotation.body()));
	}

	/**
	 * How many characters of a pattern match only themselves: {@code "!roll (?<n>\\d+)d(?<s>\\d+)"}
	 * has 7 ({@code "!roll "} and {@code "d"}), {@code "!roll .*"} 6, so the first ranks higher.
	 * Character classes, escapes such as {@code \\d}, group headers and optional characters
	 * ({@code a?}, {@code a*}, {@code a{0,2}}) count nothing.
	 */
	static int literalCharacters(String regex) {
		int count = 0;
		int i = 0;
		while (i < regex.length()) {
			char c = regex.charAt(i);
			int literal = 0;
			if (c == '\\' && i + 1 < regex.length()) {
				char escaped = regex.charAt(i + 1);
				if (escaped == 'Q') {
					int end = regex.indexOf("\\E", i + 2);
					end = (end < 0) ? regex.length() : end;
					count += end - (i + 2);
					i = end + 2;
					continue;
				}
				literal = Character.isLetterOrDigit(escaped) ? 0 : 1;
				i += 2;
			}
			else if (c == '[') {
				i = closing(regex, i);
			}
			else if (c == '(' && regex.startsWith("(?", i)) {
				int header = regex.startsWith("(?<", i) && !regex.startsWith("(?<=", i) && !regex.startsWith("(?<!", i)
						? regex.indexOf('>', i) : i + 2;
				i = (header < 0) ? regex.length() : header + 1;
			}
			else if (c == '{') {
				int end = regex.indexOf('}', i);
				i = (end < 0) ? regex.length() : end + 1;
			}
			else {
				literal = (REGEX_SYNTAX.indexOf(c) < 0) ? 1 : 0;
				i++;
			}
			if (literal > 0 && !optional(regex, i)) {
				count += literal;
			}
		}
		return count;
	}

	/**
	 * Just past the bracket that closes the one at {@code open} ({@code [} or {@code (}), counting
	 * nested ones and skipping escaped characters; the pattern's end when it is not closed.
	 */
	static int closing(String regex, int open) {
		char opening = regex.charAt(open);
		char closing = (opening == '[') ? ']' : ')';
		int depth = 0;
		for (int i = open; i < regex.length(); i++) {
			char c = regex.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == opening) {
				depth++;
			}
			else if (c == closing && --depth == 0) {
				return i + 1;
			}
		}
		return regex.length();
	}

	private static boolean optional(String regex, int next) {
		return next < regex.length() && ("?*".indexOf(regex.charAt(next)) >= 0 || regex.startsWith("{0", next));
	}

	/** Group of a command's pattern that holds the text after the command's name. */
	static final String COMMAND_ARGUMENTS = "kindlingArguments";

	private static final Set<MessageType> COMMAND_TYPES = EnumSet.of(MessageType.CHAT, MessageType.NORMAL,
			MessageType.GROUPCHAT);

	/**
	 * A chat command's condition: the prefix and name (in any case) as a whole word at the start of
	 * the body, then the argument text; it ranks as a body pattern with that much literal text.
	 */
	static MessageCondition command(Command annotation, String invocation) {
		Set<MessageType> types = (annotation.type().length == 0) ? COMMAND_TYPES
				: EnumSet.copyOf(Arrays.asList(annotation.type()));
		Pattern body = Pattern.compile(Pattern.quote(invocation) + "(?:\\s+(?<" + COMMAND_ARGUMENTS + ">.*?))?\\s*",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
		return new MessageCondition(types, annotation.type().length > 0, body, Set.of(), RoomNames.of(annotation.room()), null,
				invocation, invocation.length());
	}

	/**
	 * The text every body matching the whole pattern starts with ({@code "!roll "} for
	 * {@code "!roll (?<sides>\\d+)"}), so that most bodies are turned down without a
	 * {@link Matcher}: a command bot with many patterns would otherwise allocate one per pattern per
	 * message. Conservative: empty when the pattern has an alternation anywhere or starts with syntax.
	 */
	static String literalPrefix(String regex) {
		if (regex.indexOf('|') >= 0) {
			return "";
		}
		int end = 0;
		while (end < regex.length() && REGEX_SYNTAX.indexOf(regex.charAt(end)) < 0) {
			end++;
		}
		if (end < regex.length() && end > 0 && "?*{".indexOf(regex.charAt(end)) >= 0) {
			end--;
		}
		return regex.substring(0, end);
	}

	@Override
	public @Nullable Object match(Packet stanza) {
		Message message = (Message) stanza;
		if (!accepts(message)) {
			return null;
		}
		if (this.body == null) {
			return MATCHED;
		}
		String text = message.getBody();
		if (text == null || !text.regionMatches(ignoresCase(), 0, this.bodyPrefix, 0, this.bodyPrefix.length())) {
			return null;
		}
		Matcher matcher = this.body.matcher(text);
		return matcher.matches() ? matcher : null;
	}

	/** Whether every filter but the body pattern takes the message. */
	boolean accepts(Message message) {
		if (!this.types.contains(MessageType.of(message))) {
			return false;
		}
		if ((this.extension != null) ? !hasExtension(message, this.extension) : message.getBody() == null) {
			return false;
		}
		if (!this.to.isEmpty()) {
			JID recipient = message.getTo();
			if (recipient == null || !this.to.contains(recipient.getNode())) {
				return false;
			}
		}
		return this.rooms.isEmpty() || RoomNames.contains(this.rooms, message.getFrom());
	}

	private boolean ignoresCase() {
		return this.body != null && (this.body.flags() & Pattern.CASE_INSENSITIVE) != 0;
	}

	private static boolean hasExtension(Message message, String namespace) {
		for (Element child : message.getElement().elements()) {
			if (namespace.equals(child.getNamespaceURI())) {
				return true;
			}
		}
		return false;
	}

	@Override
	public int literalLength() {
		return this.literalLength;
	}

	@Override
	public int specificity() {
		return ((this.extension != null) ? 8 : 0) + (this.to.isEmpty() ? 0 : 4) + (this.rooms.isEmpty() ? 0 : 4)
				+ ((this.body != null) ? 2 : 0)
				+ (this.explicitTypes ? 1 : 0);
	}

	@Override
	public boolean overlaps(StanzaCondition other) {
		MessageCondition that = (MessageCondition) other;
		if (Collections.disjoint(this.types, that.types)) {
			return false;
		}
		if (!this.to.isEmpty() && !that.to.isEmpty() && Collections.disjoint(this.to, that.to)) {
			return false;
		}
		if (!this.rooms.isEmpty() && !that.rooms.isEmpty() && Collections.disjoint(this.rooms, that.rooms)) {
			return false;
		}
		if (this.extension != null && that.extension != null && !this.extension.equals(that.extension)) {
			return false;
		}
		// Two different patterns may or may not overlap; that is decided per stanza at run time.
		String mine = (this.body != null) ? this.body.pattern() : null;
		String theirs = (that.body != null) ? that.body.pattern() : null;
		if (mine == null || theirs == null) {
			return mine == theirs;
		}
		// Commands match their names in any case, so "help" and "HELP" are the same command.
		return (ignoresCase() && that.ignoresCase()) ? mine.equalsIgnoreCase(theirs) : mine.equals(theirs);
	}

	@Override
	public StanzaKind kind() {
		return StanzaKind.MESSAGE;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("@OnMessage(type=").append(this.types);
		if (this.body != null) {
			text.append(", body='").append(this.body.pattern()).append('\'');
		}
		if (!this.to.isEmpty()) {
			text.append(", to=").append(this.to);
		}
		if (!this.rooms.isEmpty()) {
			text.append(", room=").append(this.rooms);
		}
		if (this.extension != null) {
			text.append(", extension=").append(this.extension);
		}
		return text.append(')').toString();
	}

}
