package dev.kindling.test.autoconfigure.docs.presence;

// tag::presence[]
import java.util.concurrent.CompletableFuture;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.xmpp.packet.Message;

import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;
import dev.kindling.presence.ChatStates;
import dev.kindling.presence.SubscriptionApprover;

// end::presence[]
class PresenceExample {

	// tag::presence[]
	@Bean
	SubscriptionApprover approver(Customers customers) {
		return (address, requester) -> customers.exists(requester);   // under policy "ask"
	}

	@Component
	static class Gab {

		private final ChatStates chatStates;

		private final Reports reports;

		Gab(ChatStates chatStates, Reports reports) {
			this.chatStates = chatStates;
			this.reports = reports;
		}

		@OnMessage(type = MessageType.CHAT, body = "!report")
		CompletableFuture<Message> report(Message message) {
			// "composing" now, the reply (with "active") when the slow work is done.
			return this.chatStates.composingWhile(message, () -> this.reports.buildAsync());
		}
	}
	// end::presence[]

	// Your own services, for the example.
	interface Customers {

		boolean exists(org.xmpp.packet.JID requester);

	}

	interface Reports {

		CompletableFuture<String> buildAsync();

	}

}
