package dev.kindling.samples.tictactoe;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.kindling.boot.autoconfigure.XmppConnectionDetails;
import dev.kindling.boot.autoconfigure.XmppDevServerDetails;

/**
 * {@code GET /toetem/config}: what the page at {@code /} needs to log in and find the referee. The
 * demo accounts (with their passwords) are only offered when the dev server runs, which is local
 * and for trying things out.
 */
@RestController
@EnableConfigurationProperties(ToetemWebProperties.class)
class ClientConfigController {

	private final ClientConfig config;

	ClientConfigController(ToetemWebProperties properties, XmppConnectionDetails component,
			ObjectProvider<XmppDevServerDetails> devServer) {
		this.config = ClientConfig.of(properties, component.domain(), devServer.getIfAvailable());
	}

	@GetMapping("/toetem/config")
	ClientConfig config() {
		return this.config;
	}

	/**
	 * The page's configuration.
	 *
	 * @param websocketUrl the WebSocket endpoint, or {@code null}
	 * @param boshUrl the BOSH endpoint, or {@code null}
	 * @param domain the players' XMPP domain, or {@code null} when they must type full JIDs
	 * @param referee the referee's JID
	 * @param demoAccounts the dev server's users, empty against a real server
	 */
	record ClientConfig(@Nullable String websocketUrl, @Nullable String boshUrl, @Nullable String domain,
			String referee, List<DemoAccount> demoAccounts) {

		/**
		 * Properties win over the dev server's endpoints (a proxy in front of it, say); bad URLs
		 * fail startup naming the property.
		 */
		static ClientConfig of(ToetemWebProperties properties, String referee, @Nullable XmppDevServerDetails devServer) {
			String websocket = url("toetem.web.websocket-url", properties.websocketUrl(), Set.of("ws", "wss"));
			String bosh = url("toetem.web.bosh-url", properties.boshUrl(), Set.of("http", "https"));
			String domain = StringUtils.hasText(properties.domain()) ? properties.domain().trim() : null;
			if (devServer == null) {
				return new ClientConfig(websocket, bosh, domain, referee, List.of());
			}
			String devDomain = devServer.domain();
			List<DemoAccount> accounts = devServer.users()
				.entrySet()
				.stream()
				.map((user) -> new DemoAccount(user.getKey() + "@" + devDomain, user.getValue()))
				.toList();
			return new ClientConfig((websocket != null) ? websocket : devServer.websocketUrl(),
					(bosh != null) ? bosh : devServer.boshUrl(), (domain != null) ? domain : devDomain, referee,
					accounts);
		}

		private static @Nullable String url(String property, @Nullable String value, Set<String> schemes) {
			if (!StringUtils.hasText(value)) {
				return null;
			}
			String url = value.trim();
			try {
				URI uri = new URI(url);
				if (uri.getScheme() != null && schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
						&& uri.getHost() != null) {
					return url;
				}
			}
			catch (java.net.URISyntaxException ex) {
				// reported below, like any other URL the page cannot use
			}
			throw new InvalidConfigurationPropertyValueException(property, value,
					"Must be an absolute " + String.join(" or ", schemes.stream().sorted().toList()) + " URL");
		}

	}

	/** A dev server user the page offers, so two tabs can play without registering anybody. */
	record DemoAccount(String jid, String password) {
	}

}
