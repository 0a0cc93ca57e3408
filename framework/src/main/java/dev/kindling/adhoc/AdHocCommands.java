package dev.kindling.adhoc;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.XmppErrorException;
import dev.kindling.disco.DiscoItem;
import dev.kindling.disco.DiscoItemsProvider;
import dev.kindling.forms.FormReader;
import dev.kindling.handler.ArgumentDescription;
import dev.kindling.handler.EndpointException;
import dev.kindling.handler.EndpointMapping;
import dev.kindling.handler.HandlerDefinitionException;
import dev.kindling.handler.InboundStanza;
import dev.kindling.handler.IqType;
import dev.kindling.handler.OnIq;
import dev.kindling.handler.StanzaHandler;
import dev.kindling.handler.StanzaHandlerFactory;
import dev.kindling.handler.StanzaKind;
import dev.kindling.template.XmppTemplate;

/**
 * Serves the {@link AdHocCommand @AdHocCommand} methods: lists them (to those allowed) under the
 * commands node of disco#items, and runs their steps in bounded, expiring sessions. The commands
 * feature appears in disco#info through this class's {@code @OnIq} handler. Each method is an
 * endpoint built by the {@link StanzaHandlerFactory}: it binds the arguments of every IQ handler
 * plus the {@link CommandRequest}, and its exceptions reach the {@code @XmppExceptionHandler}
 * methods of its own bean and advice.
 */
public final class AdHocCommands implements DiscoItemsProvider {

	public static final String NAMESPACE = "http://jabber.org/protocol/commands";

	private static final Logger logger = LoggerFactory.getLogger(AdHocCommands.class);

	// An immutable snapshot, replaced whole by register (synchronized, so two registrations never
	// lose one another) and read without a lock by the handler threads.
	private volatile Map<String, Command> commands = Map.of();

	/** The header carrying the {@link CommandRequest} of one step. */
	static final String REQUEST = "xmpp_adHocRequest";

	private final CommandSessions sessions;

	private final StanzaHandlerFactory factory;

	/**
	 * @param factory builds the command endpoints, with the resolvers of every handler
	 */
	public AdHocCommands(int maxSessions, Duration sessionTimeout, StanzaHandlerFactory factory) {
		this(maxSessions, sessionTimeout, Clock.systemUTC(), factory);
	}

	AdHocCommands(int maxSessions, Duration sessionTimeout, Clock clock, StanzaHandlerFactory factory) {
		this.sessions = new CommandSessions(maxSessions, sessionTimeout, clock);
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

	/** Sessions open now. */
	public int openSessions() {
		return this.sessions.size();
	}

	/**
	 * Run one step.
	 * @throws EndpointException when the command's method fails: the router answers it as the
	 * method's own failure
	 */
	@OnIq(namespace = NAMESPACE, element = "command", type = IqType.SET)
	public Element execute(IQ request, Element command, XmppTemplate template) {
		String node = command.attributeValue("node");
		Command target = (node != null) ? this.commands.get(node) : null;
		if (target == null) {
			throw new XmppErrorException(Condition.item_not_found, "No such command: " + node);
		}
		JID requester = request.getFrom();
		if (!target.allows(requester)) {
			throw new XmppErrorException(Condition.forbidden, "Not allowed to run " + node);
		}
		String action = (command.attributeValue("action") != null) ? command.attributeValue("action") : "execute";
		String sessionId = command.attributeValue("sessionid");
		if (sessionId == null) {
			if (!action.equals("execute")) {
				throw new XmppErrorException(Condition.bad_request, "'" + action + "' needs a session id");
			}
			CommandSessions.Session session = this.sessions.open(node, requester);
			return step(target, session, action, Map.of(), request, template);
		}
		CommandSessions.Session session = this.sessions.find(sessionId, node, requester);
		if (action.equals("cancel")) {
			this.sessions.close(sessionId);
			return answer(node, sessionId, "canceled");
		}
		if (action.equals("prev")) {
			throw new XmppErrorException(Condition.bad_request, "This command does not go back");
		}
		return step(target, session, action, FormReader.find(command).map(FormReader::values).orElseGet(Map::of), request,
				template);
	}

	private Element step(Command command, CommandSessions.Session session, String action,
			Map<String, List<String>> values, IQ stanza, XmppTemplate template) {
		CommandStep step;
		synchronized (session) {
			CommandRequest request = new CommandRequest(command.node, session.requester, session.id, session.stage, action,
					values, session.values);
			InboundStanza inbound = new InboundStanza(stanza, null, template, Map.of(REQUEST, request));
			try {
				step = (CommandStep) command.endpoint.invoke(inbound);
			}
			catch (Exception ex) {
				if (!(ex instanceof XmppErrorException)) {
					this.sessions.close(session.id);
				}
				// The requester may correct the form and submit again after an XmppErrorException: the session stays.
				throw new EndpointException(command.endpoint, ex);
			}
			if (step == null) {
				this.sessions.close(session.id);
				throw new EndpointException(command.endpoint,
						new IllegalStateException(command.endpoint.name() + " returned no CommandStep"));
			}
			session.stage++;
		}
		Element answer = answer(command.node, session.id, step.completed() ? "completed" : "executing");
		if (step.completed()) {
			this.sessions.close(session.id);
		}
		else {
			Element actions = answer.addElement("actions");
			String next = step.last() ? "complete" : "next";
			actions.addAttribute("execute", next).addElement(next);
		}
		if (step.title() != null || !step.fields().isEmpty()) {
			answer.add(CommandForms.form(step));
		}
		if (step.note() != null) {
			answer.addElement("note").addAttribute("type", "info").setText(step.note());
		}
		return answer;
	}

	private static Element answer(String node, String sessionId, String status) {
		Element answer = DocumentHelper.createElement(QName.get("command", NAMESPACE));
		answer.addAttribute("node", node).addAttribute("sessionid", sessionId).addAttribute("status", status);
		return answer;
	}

	private record Command(String node, String displayName, Set<String> allowed, StanzaHandler endpoint) {

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

	@Override
	public String toString() {
		return "AdHocCommands" + Arrays.toString(this.commands.keySet().toArray());
	}

}
