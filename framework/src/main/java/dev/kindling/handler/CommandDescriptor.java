package dev.kindling.handler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A chat command as {@code !help} shows it and as its argument text is split: the name, the
 * description, the arguments in order, and an optional syntax pattern for the whole argument text.
 */
public final class CommandDescriptor {

	private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

	private final String prefix;

	private final String name;

	private final String description;

	private final List<Argument> arguments;

	private final @Nullable Pattern syntax;

	CommandDescriptor(String prefix, String name, String description, List<Argument> arguments, @Nullable Pattern syntax) {
		this.prefix = prefix;
		this.name = name;
		this.description = description;
		this.arguments = List.copyOf(arguments);
		this.syntax = syntax;
	}

	CommandDescriptor withArguments(List<Argument> arguments) {
		return new CommandDescriptor(this.prefix, this.name, this.description, arguments, this.syntax);
	}

	/** The name, without the prefix. */
	public String name() {
		return this.name;
	}

	/** The prefix and the name: what starts the command, {@code !roll}. */
	public String invocation() {
		return this.prefix + this.name;
	}

	public String description() {
		return this.description;
	}

	public List<Argument> arguments() {
		return this.arguments;
	}

	/** The names of the syntax pattern's named groups (none without a syntax pattern). */
	Set<String> syntaxGroups() {
		Set<String> groups = new TreeSet<>();
		if (this.syntax != null) {
			Matcher group = NAMED_GROUP.matcher(this.syntax.pattern());
			while (group.find()) {
				groups.add(group.group(1));
			}
		}
		return groups;
	}

	/** The regular expression for the whole argument text, if the command has one. */
	public @Nullable String syntaxPattern() {
		return (this.syntax != null) ? this.syntax.pattern() : null;
	}

	/** What a user types: {@code !roll <count> <sides>}, {@code !topic <text…>}, {@code !help [command]}. */
	public String usage() {
		StringBuilder usage = new StringBuilder(this.prefix).append(this.name);
		if (this.syntax != null) {
			return usage.append(' ').append(syntaxUsage(this.syntax.pattern())).toString();
		}
		for (Argument argument : this.arguments) {
			String shown = argument.name() + (argument.rest() ? "…" : "");
			usage.append(' ').append(argument.required() ? "<" + shown + ">" : "[" + shown + "]");
		}
		return usage.toString();
	}

	/** A syntax pattern with its named groups shown as {@code <name>}: {@code <count>d<sides>}. */
	static String syntaxUsage(String pattern) {
		StringBuilder shown = new StringBuilder();
		int i = 0;
		while (i < pattern.length()) {
			Matcher group = NAMED_GROUP.matcher(pattern).region(i, pattern.length());
			if (group.lookingAt()) {
				shown.append('<').append(group.group(1)).append('>');
				i = MessageCondition.closing(pattern, i);
			}
			else if (pattern.charAt(i) == '\\' && i + 1 < pattern.length()) {
				shown.append(pattern.charAt(i + 1));
				i += 2;
			}
			else {
				shown.append(pattern.charAt(i));
				i++;
			}
		}
		return shown.toString();
	}

	/**
	 * Split the text after the command's name into its arguments' raw values, by name; a left-out
	 * optional argument has its default.
	 * @throws ArgumentRejectedException naming what is missing or extra, with the usage
	 */
	Map<String, @Nullable String> parse(String text) {
		Map<String, @Nullable String> values = new LinkedHashMap<>();
		if (this.syntax != null) {
			Matcher matcher = this.syntax.matcher(text);
			if (!matcher.matches()) {
				throw new ArgumentRejectedException(this.name, "Usage: " + usage());
			}
			for (Argument argument : this.arguments) {
				String value = matcher.group(argument.name());
				values.put(argument.name(), (value != null) ? value : argument.defaultValue());
			}
			return values;
		}
		Tokens tokens = new Tokens(text);
		for (Argument argument : this.arguments) {
			String value = argument.rest() ? tokens.rest() : tokens.next();
			if (value == null) {
				if (argument.required()) {
					throw new ArgumentRejectedException(argument.name(), "Missing " + argument.name() + ". Usage: " + usage());
				}
				value = argument.defaultValue();
			}
			values.put(argument.name(), value);
		}
		if (tokens.next() != null) {
			int count = this.arguments.size();
			throw new ArgumentRejectedException(this.name, this.prefix + this.name + " takes " + ((count == 0) ? "no" : "at most " + count)
					+ " argument" + ((count == 1) ? "" : "s") + ". Usage: " + usage());
		}
		return values;
	}

	@Override
	public String toString() {
		return "@Command(" + usage() + ")";
	}

	/**
	 * An argument of a command.
	 * @param name shown in usage and errors
	 * @param description shown by {@code !help <command>}
	 * @param type the parameter's type
	 * @param defaultValue the value when left out, {@code null} for a required argument
	 * @param rest whether it takes the rest of the line (a {@code String} last argument)
	 */
	public record Argument(String name, String description, Class<?> type, @Nullable String defaultValue, boolean rest) {

		public boolean required() {
			return this.defaultValue == null;
		}

	}

	/** Space-separated words; a double-quoted word may hold spaces. */
	private static final class Tokens {

		private final String text;

		private int position;

		Tokens(String text) {
			this.text = text;
		}

		@Nullable String next() {
			skipSpaces();
			if (this.position >= this.text.length()) {
				return null;
			}
			int start = this.position;
			if (this.text.charAt(start) == '"') {
				int end = this.text.indexOf('"', start + 1);
				if (end > start) {
					this.position = end + 1;
					return this.text.substring(start + 1, end);
				}
			}
			while (this.position < this.text.length() && !Character.isWhitespace(this.text.charAt(this.position))) {
				this.position++;
			}
			return this.text.substring(start, this.position);
		}

		@Nullable String rest() {
			skipSpaces();
			if (this.position >= this.text.length()) {
				return null;
			}
			String rest = this.text.substring(this.position).strip();
			this.position = this.text.length();
			return rest;
		}

		private void skipSpaces() {
			while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
				this.position++;
			}
		}

	}

}
