package dev.kindling.samples.tictactoe;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;

import dev.kindling.disco.DiscoItem;
import dev.kindling.disco.DiscoItemsProvider;

/**
 * The referee's disco#items: its games (each an item with the game's id as node), and under the
 * node {@value Toetem#WAITING_NODE} the players who wait.
 */
@Component
class GameDirectory implements DiscoItemsProvider {

	private final GameRegistry games;

	GameDirectory(GameRegistry games) {
		this.games = games;
	}

	@Override
	public List<DiscoItem> items(JID requester, JID target, @Nullable String node) {
		if (target.getNode() != null) {
			return List.of();
		}
		if (node == null) {
			return this.games.games()
				.stream()
				.map((game) -> new DiscoItem(new JID(target.getDomain()), game.title() + ": "
						+ Toetem.GameState.of(game).status(), game.id()))
				.toList();
		}
		if (Toetem.WAITING_NODE.equals(node)) {
			return this.games.waiting().stream().map((player) -> new DiscoItem(player.asBareJID(), null, null)).toList();
		}
		return List.of();
	}

}
