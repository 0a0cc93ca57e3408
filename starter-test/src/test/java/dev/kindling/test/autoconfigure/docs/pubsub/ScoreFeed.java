package dev.kindling.test.autoconfigure.docs.pubsub;

// tag::feed[]
import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

import dev.kindling.handler.From;
import dev.kindling.handler.XmppExceptionHandler;
import dev.kindling.pubsub.ItemId;
import dev.kindling.pubsub.OnPubSubEvent;
import dev.kindling.template.XmppTemplate;

@Component
class ScoreFeed {

	@OnPubSubEvent(node = "scores", service = "pubsub.example.com")
	void scored(@ItemId String id, Score score, @From JID service, XmppTemplate xmpp) {
		if (score.points() < 0) {
			throw new IllegalArgumentException("Negative score in item " + id);
		}
		Message note = new Message();
		note.setTo(new JID("referee@example.com"));
		note.setBody(score.points() + " points from " + service);
		xmpp.send(note);
	}

	@XmppExceptionHandler
	void rejected(IllegalArgumentException ex, @From JID service) {
		// counted or logged here; nothing goes back to the pubsub service
	}

}
// end::feed[]
