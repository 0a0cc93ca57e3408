package dev.kindling.test.autoconfigure.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

import dev.kindling.pubsub.ItemId;
import dev.kindling.pubsub.OnPubSubEvent;

/** Only pubsub events: a top-level class, so component scanning (and the slice's filter) decides. */
@Component
class NewsReader {

	final List<String> items = new CopyOnWriteArrayList<>();

	@OnPubSubEvent(node = "news")
	void posted(@ItemId String id) {
		this.items.add(id);
	}

}
