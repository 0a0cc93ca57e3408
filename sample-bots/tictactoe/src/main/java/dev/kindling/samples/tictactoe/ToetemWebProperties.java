package dev.kindling.samples.tictactoe;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the browser page logs in. With the dev server on, nothing needs to be set: its WebSocket and
 * BOSH endpoints and domain are used. Against your own server set at least one of the URLs.
 *
 * @param websocketUrl WebSocket endpoint of the XMPP server (RFC 7395) the page logs in to, such as
 * wss://xmpp.example.com/xmpp-websocket; overrides the dev server's
 * @param boshUrl BOSH endpoint (XEP-0206) the page falls back to when WebSocket fails, such as
 * https://xmpp.example.com/http-bind; overrides the dev server's
 * @param domain XMPP domain of the players' accounts, so they can log in with their user name only;
 * defaults to the dev server's domain
 */
@ConfigurationProperties("toetem.web")
record ToetemWebProperties(@Nullable String websocketUrl, @Nullable String boshUrl, @Nullable String domain) {
}
