package dev.kindling.health;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * What one reading of the component's health found: details to show and, if any, the reasons it
 * is down. Filled by the stream check first, then by every {@link XmppHealthContributor}.
 */
public final class XmppHealthReport {

	private final Map<String, Object> details = new LinkedHashMap<>();

	private final List<String> downReasons = new ArrayList<>();

	/** Show a detail. A later value for the same key replaces the earlier one. */
	public XmppHealthReport detail(String key, Object value) {
		Assert.hasText(key, "key must not be blank");
		Assert.notNull(value, "value must not be null");
		this.details.put(key, value);
		return this;
	}

	/** Report the component down, saying why, e.g. {@code "required room lobby@conf.example.com not joined"}. */
	public XmppHealthReport down(String reason) {
		Assert.hasText(reason, "reason must not be blank");
		this.downReasons.add(reason);
		return this;
	}

	/** Whether any check reported the component down. */
	public boolean isDown() {
		return !this.downReasons.isEmpty();
	}

	/** Why the component is down, in the order reported; empty when it is up. */
	public List<String> downReasons() {
		return Collections.unmodifiableList(this.downReasons);
	}

	/** The details, in the order added. */
	public Map<String, Object> details() {
		return Collections.unmodifiableMap(this.details);
	}

}
