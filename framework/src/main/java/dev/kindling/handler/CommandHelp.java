package dev.kindling.handler;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.xmpp.packet.Message;

import dev.kindling.handler.CommandDescriptor.Argument;

/**
 * The generated {@code help} command: lists the commands that the conversation it is asked in can
 * use (a room's commands in the room, private ones in a chat), or tells how to use one. Registered
 * only where there are commands to list, and not when the application has a {@code help} command
 * of its own ({@link #isWanted}).
 */
public final class CommandHelp {

	private final HandlerRegistry registry;

	public CommandHelp(HandlerRegistry registry) {
		this.registry = registry;
	}

	@Command(name = "help", description = "Lists the commands, or tells how to use one")
	String help(@Arg(value = "command", description = "the command to explain", defaultValue = "") String name,
			Message message) {
		Map<String, CommandDescriptor> commands = commandsFor(message);
		if (name.isBlank()) {
			return commands.values().stream()
				.map((command) -> command.usage() + (command.description().isEmpty() ? "" : " - " + command.description()))
				.collect(Collectors.joining("\n", "Commands:\n", ""));
		}
		String wanted = name.strip().toLowerCase(Locale.ROOT);
		CommandDescriptor command = commands.values().stream()
			.filter((candidate) -> wanted.equals(candidate.name().toLowerCase(Locale.ROOT))
					|| wanted.equals(candidate.invocation().toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElse(null);
		if (command == null) {
			CommandDescriptor help = commands.get("help");
			return "There is no command '" + name.strip() + "'." + ((help != null) ? " " + help.invocation()
					+ " lists them." : "");
		}
		StringBuilder text = new StringBuilder(command.usage());
		if (!command.description().isEmpty()) {
			text.append("\n").append(command.description());
		}
		for (Argument argument : command.arguments()) {
			text.append("\n  ").append(argument.name()).append(": ")
				.append(argument.description().isEmpty() ? "" : argument.description() + ", ")
				.append(ArgumentTypes.describe(argument.type()))
				.append(argument.required() ? "" : (argument.defaultValue().isEmpty() ? ", optional"
						: ", " + argument.defaultValue() + " if left out"));
		}
		return text.toString();
	}

	/** Whether the generated help belongs beside these handlers: some commands, none named help. */
	public static boolean isWanted(Collection<StanzaHandler> handlers) {
		boolean commands = false;
		for (StanzaHandler handler : handlers) {
			CommandDescriptor command = handler.command();
			if (command != null && !(handler.bean() instanceof CommandHelp)) {
				if ("help".equalsIgnoreCase(command.name())) {
					return false;
				}
				commands = true;
			}
		}
		return commands;
	}

	/** The first-ranked command of each name that takes this kind of message from this sender. */
	private Map<String, CommandDescriptor> commandsFor(Message message) {
		Map<String, CommandDescriptor> commands = new LinkedHashMap<>();
		this.registry.handlers().stream()
			.filter((handler) -> handler.command() != null && handler.condition() instanceof MessageCondition condition
					&& condition.accepts(message))
			.map(StanzaHandler::command)
			.sorted(Comparator.comparing(CommandDescriptor::name))
			.forEach((command) -> commands.putIfAbsent(command.name(), command));
		return commands;
	}

}
