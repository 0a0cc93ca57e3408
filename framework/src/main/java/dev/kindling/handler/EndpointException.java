package dev.kindling.handler;

/**
 * The failure of an endpoint ({@link EndpointMapping}) that a routed handler called for the stanza
 * it is handling, such as an ad-hoc command step. Thrown out of the routed handler, it makes the
 * router treat the cause as the endpoint's own: the endpoint's bean and advice answer it through
 * their {@code @XmppExceptionHandler} methods, the default rules otherwise, and logs name the
 * endpoint. The observation (metrics) stays the routed handler's, like its successes.
 */
public final class EndpointException extends RuntimeException {

	private final transient StanzaHandler endpoint;

	public EndpointException(StanzaHandler endpoint, Throwable cause) {
		super(endpoint.name() + " failed: " + cause, cause);
		this.endpoint = endpoint;
	}

	public StanzaHandler endpoint() {
		return this.endpoint;
	}

}
