package dev.kindling.observe;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import org.xmpp.packet.IQ;

/**
 * What an {@link XmppObservationDocumentation#REQUEST IQ request} observation knows: the request and,
 * once it ended, the {@link RequestOutcome}. Made only when the
 * {@link io.micrometer.observation.ObservationRegistry} observes anything.
 */
public class RequestObservationContext extends Observation.Context {

	private final IQ request;

	private @Nullable RequestOutcome outcome;

	public RequestObservationContext(IQ request) {
		this.request = request;
	}

	/** The request as sent; never modify it. */
	public IQ getRequest() {
		return this.request;
	}

	/** How the request ended; {@code null} until it has. */
	public @Nullable RequestOutcome getOutcome() {
		return this.outcome;
	}

	public void setOutcome(RequestOutcome outcome) {
		this.outcome = outcome;
	}

}
