package dev.kindling.test.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.TestContextBootstrapper;

/**
 * The {@link TestContextBootstrapper} of {@link XmppComponentTest}: the test's properties, its
 * domain, a liveness ping interval long enough to keep pings out of the stanzas tests assert on
 * and no MUC self-pings (both overridable), and the dev server off and balancing none (not
 * overridable: a slice never starts a server and runs one in-memory session).
 */
class XmppComponentTestContextBootstrapper extends TestSliceTestContextBootstrapper<XmppComponentTest> {

	@Override
	protected String[] getProperties(Class<?> testClass) {
		List<String> properties = new ArrayList<>();
		properties.add("xmpp.component.ping-interval=1h");
		// Rooms are joined through the harness; self-pings and retries would add stanzas at random times.
		properties.add("xmpp.muc.self-ping-interval=0");
		// The in-memory wire reconnects at once: retries in milliseconds, not the production backoff.
		properties.add("xmpp.component.backoff.min-delay=5ms");
		properties.add("xmpp.component.backoff.max-delay=50ms");
		String[] own = super.getProperties(testClass);
		if (own != null) {
			properties.addAll(Arrays.asList(own));
		}
		MergedAnnotation<XmppComponentTest> annotation = MergedAnnotations.search(SearchStrategy.TYPE_HIERARCHY)
			.withEnclosingClasses((type) -> true)
			.from(testClass)
			.get(XmppComponentTest.class);
		if (annotation.isPresent() && !annotation.getString("domain").isBlank()) {
			properties.add("xmpp.test.domain=" + annotation.getString("domain").trim());
		}
		properties.add("xmpp.dev-server.enabled=false");
		// One in-memory session, never balanced: a bot set up for ejabberd's balancing is tested as one process.
		properties.add("xmpp.component.balancing=none");
		return properties.toArray(String[]::new);
	}

}
