package dev.kindling.adhoc;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.JID;

/**
 * One step of a command as the method sees it.
 *
 * @param node the command's node
 * @param requester who runs it (full JID)
 * @param sessionId the session's id
 * @param stage {@code 0} for the first call, then one more per submitted form
 * @param action {@code execute}, {@code next} or {@code complete}
 * @param values the submitted form's values by field name; empty for the first call
 * @param session values kept across the steps of this session; the method may change them
 */
public record CommandRequest(String node, JID requester, String sessionId, int stage, String action,
		Map<String, List<String>> values, Map<String, Object> session) {

	/** A submitted field's first value, or {@code null}. */
	public @Nullable String value(String var) {
		List<String> list = this.values.get(var);
		return (list != null && !list.isEmpty()) ? list.get(0) : null;
	}

	/** A submitted field's value, or a clear {@code bad-request} for the requester when it is missing. */
	public String required(String var) {
		String value = value(var);
		if (value == null || value.isBlank()) {
			throw new dev.kindling.XmppErrorException(org.xmpp.packet.PacketError.Condition.bad_request,
					"The field '" + var + "' is required");
		}
		return value;
	}

}
