package dev.kindling.presence;

import org.jspecify.annotations.Nullable;

/**
 * How {@link PresenceManager} behaves.
 *
 * @param policy how subscription requests are answered
 * @param status the status text of the bot's presence, or {@code null} for none
 * @param receipts whether receipt requests (XEP-0184) are answered automatically
 */
public record PresenceSettings(SubscriptionPolicy policy, @Nullable String status, boolean receipts) {

	public static PresenceSettings defaults() {
		return new PresenceSettings(SubscriptionPolicy.ACCEPT, null, true);
	}

}
