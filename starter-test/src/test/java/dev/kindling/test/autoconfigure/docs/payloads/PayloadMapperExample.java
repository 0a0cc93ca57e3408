package dev.kindling.test.autoconfigure.docs.payloads;

// tag::mapper[]
import org.dom4j.Element;
import org.xmpp.packet.Message;

import dev.kindling.payload.PayloadMapper;

// end::mapper[]
class PayloadMapperExample {

	Score example(PayloadMapper payloads, Message message) {
		// tag::mapper[]
		Element element = payloads.toElement(new Score(1, 3, "alice@localhost"));
		Score score = payloads.fromElement(element, Score.class);
		message.addExtension(payloads.toExtension(score));
		Score carried = payloads.fromMessage(message, Score.class);   // null when absent
		// end::mapper[]
		return carried;
	}

}
