package dev.kindling.adhoc;

import java.util.List;
import java.util.Map;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.XmppErrorException;
import dev.kindling.forms.FormReader;
import dev.kindling.handler.EndpointException;
import dev.kindling.handler.InboundStanza;
import dev.kindling.handler.IqType;
import dev.kindling.handler.OnIq;
import dev.kindling.template.XmppTemplate;

/**
 * Answers the XEP-0050 {@code execute} IQ: finds the command in {@link AdHocCommands}, opens or
 * continues its session in {@link CommandSessions}, and runs one step. The commands feature
 * appears in disco#info through this class's {@code @OnIq} handler.
 */
public final class AdHocCommandHandler {

	private final AdHocCommands commands;

	private final CommandSessions sessions;

	public AdHocCommandHandler(AdHocCommands commands, CommandSessions sessions) {
		this.commands = commands;
		this.sessions = sessions;
	}

	/**
	 * Run one step.
	 * @throws EndpointException when the command's method fails: the router answers it as the
	 * method's own failure
	 */
	@OnIq(namespace = AdHocCommands.NAMESPACE, element = "command", type = IqType.SET)
	public Element execute(IQ request, Element command, XmppTemplate template) {
		String node = command.attributeValue("node");
		AdHocCommands.Command target = (node != null) ? this.commands.command(node) : null;
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

	private Element step(AdHocCommands.Command command, CommandSessions.Session session, String action,
			Map<String, List<String>> values, IQ stanza, XmppTemplate template) {
		CommandStep step;
		synchronized (session) {
			CommandRequest request = new CommandRequest(command.node(), session.requester, session.id, session.stage, action,
					values, session.values);
			InboundStanza inbound = new InboundStanza(stanza, null, template, Map.of(AdHocCommands.REQUEST, request));
			try {
				step = (CommandStep) command.endpoint().invoke(inbound);
			}
			catch (Exception ex) {
				if (!(ex instanceof XmppErrorException)) {
					this.sessions.close(session.id);
				}
				// The requester may correct the form and submit again after an XmppErrorException: the session stays.
				throw new EndpointException(command.endpoint(), ex);
			}
			if (step == null) {
				this.sessions.close(session.id);
				throw new EndpointException(command.endpoint(),
						new IllegalStateException(command.endpoint().name() + " returned no CommandStep"));
			}
			session.stage++;
		}
		Element answer = answer(command.node(), session.id, step.completed() ? "completed" : "executing");
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
		Element answer = DocumentHelper.createElement(QName.get("command", AdHocCommands.NAMESPACE));
		answer.addAttribute("node", node).addAttribute("sessionid", sessionId).addAttribute("status", status);
		return answer;
	}

	@Override
	public String toString() {
		return "AdHocCommandHandler[" + this.sessions.openSessions() + " open sessions]";
	}

}
