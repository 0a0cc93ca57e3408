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

	/**
	 * Build the endpoint of a mapping a module serves itself: the parameters bind like those of every
	 * handler, the mapping's own resolvers first. The module checks the return type, which it
	 * consumes itself.
	 * @throws HandlerDefinitionException naming the method when a parameter cannot be bound
	 */
	public StanzaHandler create(Object bean, Method method, EndpointMapping mapping) {
		String name = StanzaHandler.describe(method);
		List<HandlerMethodArgumentResolver> candidates = new ArrayList<>(mapping.resolvers());
		candidates.addAll(this.argumentResolvers);
		int count = method.getParameterCount();
		HandlerMethodArgumentResolver[] resolvers = new HandlerMethodArgumentResolver[count];
		HandlerParameter[] parameters = new HandlerParameter[count];
		StanzaCondition condition = new EndpointCondition(mapping);
		for (int i = 0; i < count; i++) {
			parameters[i] = new HandlerParameter(method, i, mapping.kind(), null, null, mapping);
			resolvers[i] = resolverFor(parameters[i], candidates, mapping.description(), name);
			if (resolvers[i] instanceof ElementArgument element) {
				declare(element, parameters[i], name);
			}
			checkMatch(parameters[i], condition, name);
		}
		MethodParameter returnType = new HandlerParameter(method, -1, mapping.kind(), null, null, mapping);
		boolean async = CompletionStage.class.isAssignableFrom(returnType.getParameterType());
		if (async) {
			returnType = returnType.nested();
		}
		ArgumentValidator.Check check = this.validator.forMethod(bean, method,
				Arrays.stream(parameters).map(StanzaHandlerFactory::shownName).toList());
		return new StanzaHandler(bean, method, condition, null, parameters, resolvers, check, returnType, async);
	}

	/** A handler mapped by the annotation on the method. */
	public StanzaHandler create(Object bean, Method method) {
		return create(bean, method, (Annotation) null);
	}

	/**
	 * A handler mapped by the given annotation ({@code @OnMessage}, {@code @OnIq}, {@code @OnPresence}
	 * or {@code @Command}) instead of one on the method, for handlers registered in code.
	 */
	public StanzaHandler create(Object bean, Method method, @Nullable Annotation mapping) {
		String name = StanzaHandler.describe(method);
		Mapping found = new Mapping(method, mapping);
		@Nullable CommandDescriptor command = command(found, name);
		StanzaKind kind = kind(found, name);
		int count = method.getParameterCount();
		HandlerMethodArgumentResolver[] resolvers = new HandlerMethodArgumentResolver[count];
		Argument[] arguments = new Argument[count];
		ElementName payload = null;
		for (int i = 0; i < count; i++) {
			HandlerParameter parameter = new HandlerParameter(method, i, kind, command, null, null);
			resolvers[i] = resolverFor(parameter, (command != null) ? command.toString() : mappingName(kind), name);
			if (resolvers[i] instanceof StanzaArgumentResolvers.CommandArgumentResolver) {
				arguments[i] = argument(parameter, name);
			}
			if (resolvers[i] instanceof ElementArgument element) {
				ElementName declared = declare(element, parameter, name);
				payload = (payload == null && kind == StanzaKind.IQ) ? declared : payload;
			}
		}
		StanzaCondition condition = condition(found, name, command, payload);
		if (command != null) {
			command = command.withArguments(lastTakesTheRest(arguments, command));
			checkArguments(command, name);
		}
		HandlerParameter[] parameters = new HandlerParameter[count];
		for (int i = 0; i < count; i++) {
			parameters[i] = new HandlerParameter(method, i, kind, command, arguments[i], null);
			checkMatch(parameters[i], condition, name);
		}
		MethodParameter returnType = new HandlerParameter(method, -1, kind, command, null, null);
		boolean async = CompletionStage.class.isAssignableFrom(returnType.getParameterType());
		if (async) {
			returnType = returnType.nested();
		}
		checkReturnType(returnType, condition, name);
		ArgumentValidator.Check check = this.validator.forMethod(bean, method,
				Arrays.stream(parameters).map(StanzaHandlerFactory::shownName).toList());
		return new StanzaHandler(bean, method, condition, command, parameters, resolvers, check, returnType, async);
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
	private static StanzaKind kind(Mapping mapping, String name) {
		List<Class<? extends Annotation>> found = MAPPINGS.stream().filter((type) -> mapping.get(type) != null).toList();
		if (found.size() != 1) {
			throw new HandlerDefinitionException(name + " must carry exactly one of @OnMessage, @OnIq, @OnPresence, @Command");
		}
		Class<? extends Annotation> type = found.get(0);
		return (type == OnIq.class) ? StanzaKind.IQ : (type == OnPresence.class) ? StanzaKind.PRESENCE : StanzaKind.MESSAGE;
	}

	private static String mappingName(StanzaKind kind) {
		return switch (kind) {
			case MESSAGE -> "@OnMessage";
			case IQ -> "@OnIq";
			case PRESENCE -> "@OnPresence";
		};
	}

	private StanzaCondition condition(Mapping mapping, String name, @Nullable CommandDescriptor command,
			@Nullable ElementName payload) {
		try {
			if (command != null) {
				return MessageCondition.command(mapping.get(Command.class),
						this.commandPrefix + command.name());
			}
			OnMessage onMessage = mapping.get(OnMessage.class);
			if (onMessage != null) {
				return MessageCondition.of(onMessage);
			}
			OnIq onIq = mapping.get(OnIq.class);
			if (onIq != null) {
				OnIq defaults = AnnotatedElementUtils.findMergedAnnotation(mapping.method().getDeclaringClass(), OnIq.class);
				return IqCondition.of(onIq, payload, (defaults != null) ? defaults.namespace() : "");
			}
			return PresenceCondition.of(mapping.get(OnPresence.class));
		}
		catch (PatternSyntaxException ex) {
			throw new HandlerDefinitionException(name + " has an invalid body pattern '" + ex.getPattern() + "': "
					+ ex.getDescription() + ((ex.getIndex() >= 0) ? " at index " + ex.getIndex() : ""));
		}
		catch (RuntimeException ex) {
			throw new HandlerDefinitionException(name + " has an invalid mapping: " + ex.getMessage());
		}
	}

	private @Nullable CommandDescriptor command(Mapping mapping, String name) {
		Command command = mapping.get(Command.class);
		if (command == null) {
			return null;
		}
		String commandName = StringUtils.hasText(command.name()) ? command.name() : mapping.method().getName();
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
		return resolverFor(parameter, this.argumentResolvers, mapping, name);
	}

	private static HandlerMethodArgumentResolver resolverFor(HandlerParameter parameter,
			List<HandlerMethodArgumentResolver> candidates, String mapping, String name) {
		for (HandlerMethodArgumentResolver resolver : candidates) {
			if (resolver.supportsParameter(parameter)) {
				return resolver;
			}
		}
		throw new HandlerDefinitionException(name + ": parameter " + parameter.getParameterIndex() + " ("
				+ parameter.getParameterType().getSimpleName() + ") cannot be bound for " + mapping + "; supported: "
				+ supported(candidates, parameter.kind()));
	}

	/** What the registered resolvers bind, in their own words, for the startup error. */
	private static String supported(List<HandlerMethodArgumentResolver> candidates, StanzaKind kind) {
		Set<String> descriptions = new TreeSet<>();
		for (HandlerMethodArgumentResolver resolver : candidates) {
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
			Set<String> groups = command.syntaxGroups();
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
		String supported = (condition instanceof EndpointCondition) ? "what the module's return value handlers take, a Packet, void"
				: switch (condition.kind()) {
			case MESSAGE -> "String, a Packet, void";
			case IQ -> "Element, PacketExtension, IQ or another Packet, void";
			case PRESENCE -> "a Packet, void";
		};
		throw new HandlerDefinitionException(name + " returns " + type.getSimpleName() + ", which " + condition
				+ " handlers cannot return; supported: " + supported + ", or a CompletableFuture of one");
	}

	/** The mapping annotation of a handler: the one given in code, or the (merged) one on the method. */
	private record Mapping(Method method, @Nullable Annotation given) {

		<A extends Annotation> @Nullable A get(Class<A> type) {
			if (this.given != null) {
				return type.isInstance(this.given) ? type.cast(this.given) : null;
			}
			return AnnotatedElementUtils.findMergedAnnotation(this.method, type);
		}

	}

}
