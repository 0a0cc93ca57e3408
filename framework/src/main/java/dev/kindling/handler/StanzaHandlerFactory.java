package dev.kindling.handler;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.convert.ConversionService;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolverComposite;
import org.springframework.messaging.handler.invocation.HandlerMethodReturnValueHandler;
import org.springframework.messaging.handler.invocation.HandlerMethodReturnValueHandlerComposite;
import org.springframework.util.StringUtils;

import dev.kindling.handler.CommandDescriptor.Argument;
import dev.kindling.handler.ElementArgument.ElementName;

/**
 * Turns an annotated method into a {@link StanzaHandler}, checking at startup everything that can
 * be checked: one mapping annotation, every parameter bindable, every {@link Match @Match} group
 * present in the pattern, every command argument named, the return type supported for the kind of
 * handler. Each parameter's resolver is chosen here, once.
 */
public final class StanzaHandlerFactory {

	private static final List<Class<? extends Annotation>> MAPPINGS = List.of(OnMessage.class, OnIq.class,
			OnPresence.class, Command.class);

	private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

	private final List<HandlerMethodArgumentResolver> argumentResolvers;

	private final HandlerMethodReturnValueHandlerComposite returnValueHandlers = new HandlerMethodReturnValueHandlerComposite();

	private final String commandPrefix;

	private final ArgumentValidator validator;

	/**
	 * @param conversionService converts {@link Match @Match} groups and command arguments
	 * @param configurers contribute resolvers and return value handlers ahead of Kindling's own
	 * @param commandPrefix what a chat command starts with, such as {@code !}
	 * @param validator checks the bound arguments before a handler runs
	 */
	public StanzaHandlerFactory(ConversionService conversionService, List<HandlerMethodConfigurer> configurers,
			String commandPrefix, ArgumentValidator validator) {
		if (commandPrefix.chars().anyMatch(Character::isWhitespace)) {
			throw new IllegalArgumentException("A command prefix cannot contain spaces: '" + commandPrefix + "'");
		}
		List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>();
		List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>();
		for (HandlerMethodConfigurer configurer : configurers) {
			configurer.addArgumentResolvers(resolvers);
			configurer.addReturnValueHandlers(handlers);
		}
		resolvers.addAll(StanzaArgumentResolvers.defaults(conversionService));
		handlers.addAll(StanzaReturnValueHandlers.defaults());
		this.argumentResolvers = List.copyOf(resolvers);
		this.returnValueHandlers.addHandlers(handlers);
		this.commandPrefix = commandPrefix;
		this.validator = validator;
	}

	/** Whether the method carries one of the mapping annotations. */
	public static boolean isHandler(Method method) {
		return MAPPINGS.stream().anyMatch((type) -> AnnotatedElementUtils.hasAnnotation(method, type));
	}

	public HandlerMethodReturnValueHandlerComposite returnValueHandlers() {
		return this.returnValueHandlers;
	}

	/** What chat commands start with. */
	public String commandPrefix() {
		return this.commandPrefix;
	}

	/** The argument resolvers of every handler method, shared by the exception handler methods. */
	public HandlerMethodArgumentResolverComposite argumentResolvers() {
		return new HandlerMethodArgumentResolverComposite().addResolvers(this.argumentResolvers);
	}

	public StanzaHandler create(Object bean, Method method) {
		String name = StanzaHandler.describe(method);
		@Nullable CommandDescriptor command = command(method, name);
		StanzaKind kind = kind(method, name);
		int count = method.getParameterCount();
		HandlerMethodArgumentResolver[] resolvers = new HandlerMethodArgumentResolver[count];
		Argument[] arguments = new Argument[count];
		ElementName payload = null;
		for (int i = 0; i < count; i++) {
			HandlerParameter parameter = new HandlerParameter(method, i, kind, command, null);
			resolvers[i] = resolverFor(parameter, (command != null) ? command.toString() : mappingName(kind), name);
			if (resolvers[i] instanceof StanzaArgumentResolvers.CommandArgumentResolver) {
				arguments[i] = argument(parameter, name);
			}
			if (resolvers[i] instanceof ElementArgument element) {
				ElementName declared = declare(element, parameter, name);
				payload = (payload == null && kind == StanzaKind.IQ) ? declared : payload;
			}
		}
		StanzaCondition condition = condition(method, name, command, payload);
		if (command != null) {
			command = command.withArguments(lastTakesTheRest(arguments, command));
			checkArguments(command, name);
		}
		HandlerParameter[] parameters = new HandlerParameter[count];
		for (int i = 0; i < count; i++) {
			parameters[i] = new HandlerParameter(method, i, kind, command, arguments[i]);
			checkMatch(parameters[i], condition, name);
		}
		MethodParameter returnType = new HandlerParameter(method, -1, kind, command, null);
		boolean async = CompletionStage.class.isAssignableFrom(returnType.getParameterType());
		if (async) {
			returnType = returnType.nested();
		}
		checkReturnType(returnType, condition, name);
		ArgumentValidator.Check check = this.validator.forMethod(bean, method,
				Arrays.stream(parameters).map(StanzaHandlerFactory::shownName).toList());
		return new StanzaHandler(bean, method, condition, command, parameters, resolvers, check, returnType, async);
	}

	/**
	 * Turn a method a module found under its own mapping annotation into a handler that runs on the
	 * module's events (see {@link EventEndpoint}): every parameter is bound and checked like a
	 * handler's, with the endpoint's stanza kind and event type, and so is the return type.
	 * @throws HandlerDefinitionException naming the method when a parameter cannot be bound or the
	 * return type is not supported
	 */
	public StanzaHandler create(Object bean, Method method, EventEndpoint endpoint) {
		String name = StanzaHandler.describe(method);
		int count = method.getParameterCount();
		HandlerMethodArgumentResolver[] resolvers = new HandlerMethodArgumentResolver[count];
		HandlerParameter[] parameters = new HandlerParameter[count];
		for (int i = 0; i < count; i++) {
			parameters[i] = new HandlerParameter(method, i, endpoint.kind(), null, null, endpoint.eventType());
			resolvers[i] = resolverFor(parameters[i], endpoint.mapping(), name);
			if (parameters[i].hasParameterAnnotation(Match.class)) {
				throw new HandlerDefinitionException(name + ": @Match needs a body pattern, which " + endpoint.mapping()
						+ " does not have");
			}
		}
		MethodParameter returnType = new HandlerParameter(method, -1, endpoint.kind(), null, null, endpoint.eventType());
		boolean async = CompletionStage.class.isAssignableFrom(returnType.getParameterType());
		if (async) {
			returnType = returnType.nested();
		}
		EventCondition condition = new EventCondition(endpoint);
		checkReturnType(returnType, condition, name);
		ArgumentValidator.Check check = this.validator.forMethod(bean, method,
				Arrays.stream(parameters).map(StanzaHandlerFactory::shownName).toList());
		return new StanzaHandler(bean, method, condition, null, parameters, resolvers, check, returnType, async);
	}

	/** What a parameter is called in an answer to the sender. */
	private static String shownName(HandlerParameter parameter) {
		Argument argument = HandlerParameter.argumentOf(parameter);
		if (argument != null) {
			return argument.name();
		}
		Match match = parameter.getParameterAnnotation(Match.class);
		if (match != null) {
			return match.value();
		}
		String name = parameter.getParameterName();
		return (name != null) ? name : "argument " + (parameter.getParameterIndex() + 1);
	}

	private static @Nullable ElementName declare(ElementArgument element, HandlerParameter parameter, String name) {
		try {
			return element.declare(parameter);
		}
		catch (RuntimeException ex) {
			throw new HandlerDefinitionException(name + ": parameter " + parameter.getParameterIndex() + " ("
					+ parameter.getParameterType().getSimpleName() + ") cannot be bound: " + ex.getMessage());
		}
	}

	/** The kind of stanza the one mapping annotation takes. */
	private static StanzaKind kind(Method method, String name) {
		List<Class<? extends Annotation>> found = MAPPINGS.stream()
			.filter((type) -> AnnotatedElementUtils.hasAnnotation(method, type))
			.toList();
		if (found.size() != 1) {
			throw new HandlerDefinitionException(name + " must carry exactly one of @OnMessage, @OnIq, @OnPresence, @Command");
		}
		Class<? extends Annotation> mapping = found.get(0);
		return (mapping == OnIq.class) ? StanzaKind.IQ : (mapping == OnPresence.class) ? StanzaKind.PRESENCE : StanzaKind.MESSAGE;
	}

	private static String mappingName(StanzaKind kind) {
		return switch (kind) {
			case MESSAGE -> "@OnMessage";
			case IQ -> "@OnIq";
			case PRESENCE -> "@OnPresence";
		};
	}

	private StanzaCondition condition(Method method, String name, @Nullable CommandDescriptor command,
			@Nullable ElementName payload) {
		try {
			if (command != null) {
				return MessageCondition.command(AnnotatedElementUtils.findMergedAnnotation(method, Command.class),
						this.commandPrefix + command.name());
			}
			OnMessage onMessage = AnnotatedElementUtils.findMergedAnnotation(method, OnMessage.class);
			if (onMessage != null) {
				return MessageCondition.of(onMessage);
			}
			OnIq onIq = AnnotatedElementUtils.findMergedAnnotation(method, OnIq.class);
			if (onIq != null) {
				return IqCondition.of(onIq, payload);
			}
			return PresenceCondition.of(AnnotatedElementUtils.findMergedAnnotation(method, OnPresence.class));
		}
		catch (PatternSyntaxException ex) {
			throw new HandlerDefinitionException(name + " has an invalid body pattern '" + ex.getPattern() + "': "
					+ ex.getDescription() + ((ex.getIndex() >= 0) ? " at index " + ex.getIndex() : ""));
		}
		catch (RuntimeException ex) {
			throw new HandlerDefinitionException(name + " has an invalid mapping: " + ex.getMessage());
		}
	}

	private @Nullable CommandDescriptor command(Method method, String name) {
		Command command = AnnotatedElementUtils.findMergedAnnotation(method, Command.class);
		if (command == null) {
			return null;
		}
		String commandName = StringUtils.hasText(command.name()) ? command.name() : method.getName();
		if (commandName.chars().anyMatch(Character::isWhitespace)) {
			throw new HandlerDefinitionException(name + ": a command name cannot contain spaces: '" + commandName + "'");
		}
		Pattern syntax = null;
		if (!command.syntax().isEmpty()) {
			try {
				syntax = Pattern.compile(command.syntax(), Pattern.DOTALL);
			}
			catch (PatternSyntaxException ex) {
				throw new HandlerDefinitionException(name + " has an invalid command syntax '" + ex.getPattern() + "': "
						+ ex.getDescription() + ((ex.getIndex() >= 0) ? " at index " + ex.getIndex() : ""));
			}
		}
		return new CommandDescriptor(this.commandPrefix, commandName, command.description(), List.of(), syntax);
	}

	private HandlerMethodArgumentResolver resolverFor(HandlerParameter parameter, String mapping, String name) {
		for (HandlerMethodArgumentResolver resolver : this.argumentResolvers) {
			if (resolver.supportsParameter(parameter)) {
				return resolver;
			}
		}
		throw new HandlerDefinitionException(name + ": parameter " + parameter.getParameterIndex() + " ("
				+ parameter.getParameterType().getSimpleName() + ") cannot be bound for " + mapping + "; supported: "
				+ supported(parameter.kind()));
	}

	/** What the registered resolvers bind, in their own words, for the startup error. */
	private String supported(StanzaKind kind) {
		Set<String> descriptions = new TreeSet<>();
		for (HandlerMethodArgumentResolver resolver : this.argumentResolvers) {
			String description = (resolver instanceof ArgumentDescription described) ? described.describe(kind)
					: resolver.getClass().getSimpleName();
			if (description != null) {
				descriptions.add(description);
			}
		}
		return String.join("; ", descriptions);
	}

	private static void checkMatch(MethodParameter parameter, StanzaCondition condition, String name) {
		Match match = parameter.getParameterAnnotation(Match.class);
		if (match == null) {
			return;
		}
		Pattern body = (condition instanceof MessageCondition message) ? message.body() : null;
		if (body == null || !body.pattern().contains("(?<" + match.value() + ">")) {
			throw new HandlerDefinitionException(name + ": @Match(\"" + match.value()
					+ "\") names no group of the body pattern " + ((body != null) ? "'" + body.pattern() + "'" : "(none)"));
		}
	}

	/** Without a syntax pattern, a {@code String} last argument takes the rest of the line. */
	private static List<Argument> lastTakesTheRest(@Nullable Argument[] byParameter, CommandDescriptor command) {
		for (int i = byParameter.length - 1; i >= 0; i--) {
			Argument last = byParameter[i];
			if (last != null) {
				if (last.type() == String.class && command.syntaxPattern() == null) {
					byParameter[i] = new Argument(last.name(), last.description(), last.type(), last.defaultValue(), true);
				}
				break;
			}
		}
		return Arrays.stream(byParameter).filter(Objects::nonNull).toList();
	}

	private static Argument argument(HandlerParameter parameter, String name) {
		Arg arg = parameter.getParameterAnnotation(Arg.class);
		String argumentName = (arg != null && !arg.value().isEmpty()) ? arg.value() : parameter.getParameterName();
		if (argumentName == null) {
			throw new HandlerDefinitionException(name + ": parameter " + parameter.getParameterIndex()
					+ " has no name; compile with -parameters or name it with @Arg(\"…\")");
		}
		String defaultValue = (arg != null && !Arg.NO_DEFAULT.equals(arg.defaultValue())) ? arg.defaultValue() : null;
		return new Argument(argumentName, (arg != null) ? arg.description() : "", parameter.getParameterType(),
				defaultValue, false);
	}

	private static void checkArguments(CommandDescriptor command, String name) {
		Set<String> seen = new TreeSet<>();
		for (Argument argument : command.arguments()) {
			if (!seen.add(argument.name())) {
				throw new HandlerDefinitionException(name + ": two arguments are named '" + argument.name() + "'");
			}
		}
		boolean optional = false;
		for (Argument argument : command.arguments()) {
			if (optional && argument.required()) {
				throw new HandlerDefinitionException(name + ": the required argument '" + argument.name()
						+ "' follows an optional one; put optional arguments last");
			}
			optional |= !argument.required();
		}
		String syntax = command.syntaxPattern();
		if (syntax != null) {
			Set<String> groups = new TreeSet<>();
			Matcher group = NAMED_GROUP.matcher(syntax);
			while (group.find()) {
				groups.add(group.group(1));
			}
			if (!groups.equals(seen)) {
				throw new HandlerDefinitionException(name + ": the command syntax '" + syntax + "' has the groups " + groups
						+ ", but the arguments are " + seen + "; name one group after each argument");
			}
		}
	}

	private void checkReturnType(MethodParameter returnType, StanzaCondition condition, String name) {
		Class<?> type = returnType.getNestedParameterType();
		if (type == void.class || type == Void.class || this.returnValueHandlers.supportsReturnType(returnType)) {
			return;
		}
		String supported = (condition instanceof EventCondition) ? "what the module's return value handlers take, a Packet, void"
				: switch (condition.kind()) {
			case MESSAGE -> "String, a Packet, void";
			case IQ -> "Element, PacketExtension, IQ or another Packet, void";
			case PRESENCE -> "a Packet, void";
		};
		throw new HandlerDefinitionException(name + " returns " + type.getSimpleName() + ", which " + condition
				+ " handlers cannot return; supported: " + supported + ", or a CompletableFuture of one");
	}

}
