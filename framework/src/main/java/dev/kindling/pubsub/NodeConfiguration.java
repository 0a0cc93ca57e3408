package dev.kindling.pubsub;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A node's configuration (the {@code pubsub#node_config} form) or a publish's preconditions (the
 * {@code pubsub#publish-options} form): field names to values. Immutable; {@link #with} returns a
 * copy.
 *
 * @param fields the values by field name, e.g. {@code pubsub#max_items} to {@code ["10"]}
 */
public record NodeConfiguration(Map<String, List<String>> fields) {

	public static final String ACCESS_MODEL = "pubsub#access_model";

	public static final String PUBLISH_MODEL = "pubsub#publish_model";

	public static final String MAX_ITEMS = "pubsub#max_items";

	public static final String PERSIST_ITEMS = "pubsub#persist_items";

	public static final String TITLE = "pubsub#title";

	public static final String NOTIFY_RETRACT = "pubsub#notify_retract";

	public static final String NOTIFY_DELETE = "pubsub#notify_delete";

	public static final String DELIVER_PAYLOADS = "pubsub#deliver_payloads";

	public NodeConfiguration {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		fields.forEach((name, values) -> copy.put(name, List.copyOf(values)));
		fields = java.util.Collections.unmodifiableMap(copy);
	}

	/** No fields: the service's defaults. */
	public static NodeConfiguration defaults() {
		return new NodeConfiguration(Map.of());
	}

	/** A copy with a field set (replacing its values). */
	public NodeConfiguration with(String field, String... values) {
		Map<String, List<String>> copy = new LinkedHashMap<>(this.fields);
		copy.put(field, Arrays.asList(values));
		return new NodeConfiguration(copy);
	}

	/** A field's first value, or {@code null}. */
	public @Nullable String get(String field) {
		List<String> values = this.fields.get(field);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	public boolean isEmpty() {
		return this.fields.isEmpty();
	}

}
