package dev.kindling.boot.autoconfigure;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A local Prosody started with the application, for trying a bot out without a server of your own.
 *
 * @param enabled Whether to start a local Prosody from the machine's install and connect the component to it
 * @param domain XMPP domain of the dev server's users; "conference." and "pubsub." services are added under it
 * @param users Demo users registered at start, name to password; defaults to alice, bob and carol, each with their name as password
 * @param logLevel Prosody's log level: debug, info, warn or error
 * @param executable Prosody executable; found on the PATH when not set
 * @param c2sPort Client port on 127.0.0.1; 0 picks a free one
 * @param componentPort Component port on 127.0.0.1; 0 picks a free one
 * @param httpPort BOSH and websocket port on 127.0.0.1; 0 picks a free one
 */
@ConfigurationProperties("xmpp.dev-server")
public record XmppDevServerProperties(@DefaultValue("false") boolean enabled, @DefaultValue("localhost") String domain,
		@Nullable Map<String, String> users, @DefaultValue("info") String logLevel, @Nullable Path executable,
		@DefaultValue("0") int c2sPort, @DefaultValue("0") int componentPort, @DefaultValue("0") int httpPort) {

	/** The default component domain when {@code xmpp.component.domain} is not set. */
	static final String DEFAULT_COMPONENT_DOMAIN = "bot.localhost";

	/** The users to register: the configured ones, or the three demo users. */
	Map<String, String> usersOrDefault() {
		if (this.users != null && !this.users.isEmpty()) {
			return this.users;
		}
		Map<String, String> demo = new LinkedHashMap<>();
		for (String name : new String[] { "alice", "bob", "carol" }) {
			demo.put(name, name);
		}
		return demo;
	}

}
