package dev.kindling.replica;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;

import static org.assertj.core.api.Assertions.assertThat;

class HomeAddressesTests {

	@Test
	void homeAddressesCarryTheirKey() {
		JID home = HomeAddresses.home("bot.example.com", 12);
		assertThat(home).hasToString("kindling.12@bot.example.com");
		assertThat(HomeAddresses.key(home.toString())).isEqualTo(12);
		assertThat(HomeAddresses.key("kindling.12@bot.example.com/Referee")).isEqualTo(12);
	}

	@Test
	void otherAddressesHaveNoKey() {
		assertThat(HomeAddresses.key(null)).isEqualTo(-1);
		assertThat(HomeAddresses.key("bot.example.com")).isEqualTo(-1);
		assertThat(HomeAddresses.key("game-1@bot.example.com")).isEqualTo(-1);
		assertThat(HomeAddresses.key("kindling.@bot.example.com")).isEqualTo(-1);
		assertThat(HomeAddresses.key("kindling.1x@bot.example.com")).isEqualTo(-1);
		assertThat(HomeAddresses.key("kindling.room.00ff@bot.example.com")).isEqualTo(-1);
		assertThat(HomeAddresses.key("kindling.12345678901@bot.example.com")).isEqualTo(-1);
		assertThat(HomeAddresses.key("kindling.12")).isEqualTo(-1);
	}

	@Test
	void idsCarryTheKeyOfTheirReplica() {
		assertThat(HomeAddresses.idKey(HomeAddresses.idPrefix(3) + "kabc-17")).isEqualTo(3);
		assertThat(HomeAddresses.idKey("kabc-17")).isEqualTo(-1);
		assertThat(HomeAddresses.idKey("r.abc")).isEqualTo(-1);
		assertThat(HomeAddresses.idKey("rx.abc")).isEqualTo(-1);
		assertThat(HomeAddresses.idKey("r3")).isEqualTo(-1);
		assertThat(HomeAddresses.idKey(null)).isEqualTo(-1);
	}

	@Test
	void aRoomsKeyIsStableAndOfTheDomain() {
		JID room = new JID("lobby@conference.example.com");
		JID key = HomeAddresses.roomKey("bot.example.com", room);
		assertThat(key.getDomain()).isEqualTo("bot.example.com");
		assertThat(key.getNode()).startsWith(HomeAddresses.ROOM_PREFIX).hasSize(HomeAddresses.ROOM_PREFIX.length() + 16);
		assertThat(HomeAddresses.roomKey("bot.example.com", new JID("lobby@conference.example.com/nick"))).isEqualTo(key);
		assertThat(HomeAddresses.roomKey("bot.example.com", new JID("games@conference.example.com"))).isNotEqualTo(key);
		assertThat(HomeAddresses.key(key.toString())).isEqualTo(-1);
	}

}
