package dev.kindling.samples.tictactoe;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;

import dev.kindling.ErrorCondition;
import dev.kindling.XmppErrorException;
import dev.kindling.handler.ArgumentRejectedException;
import dev.kindling.replica.Replica;
import dev.kindling.template.XmppTemplate;

/**
 * Every game has an address of its own, its id as the local part of the referee's domain
 * ({@code g7@toetem.example.com}): its requests go there, its events, pings and room presence come
 * from there. With ejabberd's {@code bare_destination} balancing the server hashes that address to
 * one replica, which thereby owns the game; the referee's domain itself (the lobby) hashes to one
 * replica too.
 *
 * <p>Balanced ({@code xmpp.component.balancing} other than {@code none}: Kindling runs this process
 * as a {@link Replica}), a game request sent to
 * the domain is refused with {@code redirect} to the game's address, since the lobby's replica may
 * not own the game; on one process it is still served there, as before game addresses.
 */
@Component
class GameAddresses {

	private final String domain;

	private final boolean balanced;

	@Autowired
	GameAddresses(XmppTemplate xmpp, ObjectProvider<Replica> replica) {
		this(xmpp.componentJid().getDomain(), replica.getIfAvailable() != null
				&& replica.getIfAvailable().balancing().isBalanced());
	}

	GameAddresses(String domain, boolean balanced) {
		this.domain = domain;
		this.balanced = balanced;
	}

	/** Whether several replicas share the domain, each owning the games the server hashes to it. */
	boolean balanced() {
		return this.balanced;
	}

	/** The referee's own address, its lobby. */
	JID lobby() {
		return new JID(this.domain);
	}

	/** The game's address. */
	JID of(String id) {
		return new JID(id, this.domain, null);
	}

	/** The game a request is about: the local part of its address, or its {@code game} attribute when sent to the domain. */
	String gameOf(JID to, @Nullable String attribute, String name) {
		String addressed = to.getNode();
		if (addressed != null) {
			if (attribute != null && !attribute.equals(addressed)) {
				throw new XmppErrorException(ErrorCondition.BAD_REQUEST,
						"Sent to game " + addressed + " but its " + name + " names " + attribute);
			}
			return addressed;
		}
		if (attribute == null) {
			throw new ArgumentRejectedException(name, name + " is missing");
		}
		if (this.balanced) {
			throw new XmppErrorException(ErrorCondition.REDIRECT,
					"Game " + attribute + " is at " + of(attribute) + ": send its requests there");
		}
		return attribute;
	}

}
