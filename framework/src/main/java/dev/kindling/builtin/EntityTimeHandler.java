package dev.kindling.builtin;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;

import dev.kindling.handler.IqType;
import dev.kindling.handler.OnIq;

/**
 * Answers XEP-0202 entity time queries with the local offset and UTC time.
 */
public class EntityTimeHandler {

	public static final String NAMESPACE = "urn:xmpp:time";

	private final Clock clock;

	public EntityTimeHandler(Clock clock) {
		this.clock = clock;
	}

	@OnIq(namespace = NAMESPACE, element = "time", type = IqType.GET)
	public Element time() {
		OffsetDateTime now = OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
		ZoneOffset offset = now.getOffset();
		Element time = DocumentHelper.createElement(QName.get("time", NAMESPACE));
		time.addElement("tzo").setText(offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId());
		time.addElement("utc").setText(DateTimeFormatter.ISO_INSTANT.format(now.toInstant()));
		return time;
	}

}
