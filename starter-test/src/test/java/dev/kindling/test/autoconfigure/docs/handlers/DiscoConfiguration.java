package dev.kindling.test.autoconfigure.docs.handlers;

// tag::disco[]
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.xmpp.packet.JID;

import dev.kindling.disco.DiscoFeatureProvider;
import dev.kindling.disco.DiscoItem;
import dev.kindling.disco.DiscoItemsProvider;

// end::disco[]
class DiscoConfiguration {

	// tag::disco[]
	@Bean
	DiscoFeatureProvider gameFeatures() {
		return () -> List.of("urn:example:score");
	}

	@Bean
	DiscoItemsProvider gameRooms() {   // (requester, target, node): node is null unless asked for
		return (requester, target, node) -> List.of(new DiscoItem(new JID("game1@conference.example.com"), "Game 1", null));
	}
	// end::disco[]

}
