package dev.kindling.samples.feed;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The feed bot's settings.
 *
 * @param node Pubsub node the posts are published to
 * @param maxItems Posts the node keeps
 * @param room Room (bare JID) where new posts are announced, one of xmpp.muc.rooms; none when not set
 */
@ConfigurationProperties("feed")
public record FeedProperties(@DefaultValue("news") String node, @DefaultValue("50") int maxItems, @Nullable String room) {
}
