package dev.kindling.presence;

/** How the bot answers a request to see its presence. */
public enum SubscriptionPolicy {

	/** Approve every request. */
	ACCEPT,

	/** Refuse every request. */
	REJECT,

	/** Ask the {@link SubscriptionApprover} bean; refuse when there is none. */
	ASK

}
