package dev.kindling.adhoc;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.xmpp.packet.JID;

import dev.kindling.disco.DiscoItem;
import dev.kindling.disco.DiscoItemsProvider;
import dev.kindling.handler.ArgumentDescription;
import dev.kindling.handler.EndpointMapping;
import dev.kindling.handler.HandlerDefinitionException;
import dev.kindling.handler.StanzaHandler;
import dev.kindling.handler.StanzaHandlerFactory;
import dev.kindling.handler.StanzaKind;

/**
 * The {@link AdHocCommand @AdHocCommand} methods by node: lists them (to those allowed) under the
 * commands node of disco#items. {@link AdHocCommandHandler} runs their steps, in the
 * {@link CommandSessions}. Each method is an endpoint built by the {@link StanzaHandlerFactory}: it
 * binds the arguments of every IQ handler plus the {@link CommandRequest}, and its exceptions reach
 * the {@code @XmppExceptionHandler} methods of its own bean and advice.
 */
public final class AdHocCommands implements DiscoItemsProvider {

	public static final String NAMESPACE = "http://jabber.org/protocol/commands";

	private static final Logger logger = LoggerFactory.getLogger(AdHocCommands.class);

	// An immutable snapshot, replaced whole by register (synchronized, so two registrations never
	// lose one another) and read without a lock by the handler threads.
	private volatile Map<String, Command> commands = Map.of();

	/** The header carrying the {@link CommandRequest} of one step. */
	static final String REQUEST = "xmpp_adHocRequest";

	private final StanzaHandlerFactory factory;

	/**
	 * @param factory builds the command endpoints, with the resolvers of every handler
	 */
	public AdHocCommands(StanzaHandlerFactory factory) {
		this.factory = factory;
	}

	/** Whether the method carries {@link AdHocCommand @AdHocCommand}. */
	public static boolean isCommand(Method method) {
		return AnnotatedElementUtils.hasAnnotation(method, AdHocCommand.class);
	}

	/**
	 * Add a command method.
	 * @param placeholders resolves {@code ${…}} in {@link AdHocCommand#allowed()}
	 * @throws HandlerDefinitionException when it does not return a {@code CommandStep}, a parameter
	 * cannot be bound or the node is taken
	 */
	public synchronized void register(Object bean, Method method, UnaryOperator<String> placeholders) {
		String name = StanzaHandler.describe(method);
		AdHocCommand annotation = AnnotatedElementUtils.findMergedAnnotation(method, AdHocCommand.class);
		if (annotation == null) {
			throw new HandlerDefinitionException(name + " is not annotated with @AdHocCommand");
		}
		if (method.getReturnType() != CommandStep.class) {
			throw new HandlerDefinitionException(name + " returns " + method.getReturnType().getSimpleName()
					+ "; an @AdHocCommand method returns a CommandStep");
		}
		if (annotation.node().isBlank() || this.commands.containsKey(annotation.node())) {
			throw new HandlerDefinitionException(name + ": the command node '" + annotation.node() + "' is "
					+ (annotation.node().isBlank() ? "blank" : "taken by " + this.commands.get(annotation.node()).endpoint.name()));
		}
		Set<String> allowed = new LinkedHashSet<>();
		for (String entry : annotation.allowed()) {
			for (String jid : placeholders.apply(entry).split(",")) {
				if (!jid.isBlank()) {
					allowed.add(new JID(jid.trim()).toBareJID());
				}
			}
		}
		String description = "@AdHocCommand(node='" + annotation.node() + "', name='" + annotation.name() + "'"
				+ (allowed.isEmpty() ? "" : ", allowed=" + allowed) + ")";
		StanzaHandler endpoint = this.factory.create(bean, method,
				new EndpointMapping(AdHocCommand.class, StanzaKind.IQ, description, List.of(new RequestResolver()), Set.of()));
		Map<String, Command> commands = new LinkedHashMap<>(this.commands);
		commands.put(annotation.node(), new Command(annotation.node(), annotation.name(), allowed, endpoint));
		this.commands = Collections.unmodifiableMap(commands);
		logger.info("Kindling mapped {}", endpoint);
	}

	@Override
	public List<DiscoItem> items(JID requester, JID target, @Nullable String node) {
		List<DiscoItem> items = new ArrayList<>();
		if (NAMESPACE.equals(node)) {
			for (Command command : this.commands.values()) {
				if (command.allows(requester)) {
					items.add(new DiscoItem(target, command.displayName, command.node));
				}
			}
		}
		return items;
	}

	record Command(String node, String displayName, Set<String> allowed, StanzaHandler endpoint) {

		boolean allows(@Nullable JID requester) {
			return this.allowed.isEmpty() || (requester != null && this.allowed.contains(requester.toBareJID()));
		}

	}

	/** The step's {@link CommandRequest}, from the header set per call. */
	private static final class RequestResolver implements HandlerMethodArgumentResolver, ArgumentDescription {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == CommandRequest.class;
		}

		@Override
		public String describe(StanzaKind kind) {
			return "CommandRequest";
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, Message<?> message) {
			CommandRequest request = (CommandRequest) message.getHeaders().get(REQUEST);
			if (request == null) {
				throw new IllegalStateException("No command request for " + parameter.getMethod());
			}
			return request;
		}

	}

	/** The command at a node, or {@code null}. */
	@Nullable Command command(String node) {
		return this.commands.get(node);
	}

	@Override
	public String toString() {
		return "AdHocCommands" + Arrays.toString(this.commands.keySet().toArray());
	}

}
