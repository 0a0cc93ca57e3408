package dev.kindling.test.autoconfigure;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import dev.kindling.test.XmppTestHarness;

/**
 * Resets the {@link XmppTestHarness} before each test method, since a test context (and its
 * harness) is shared by every test class with the same configuration: no stanza, script or outage
 * of one test leaks into the next.
 */
public final class XmppTestHarnessResetListener implements TestExecutionListener, Ordered {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.getApplicationContext().getBeanProvider(XmppTestHarness.class).ifAvailable(XmppTestHarness::reset);
		}
	}

}
