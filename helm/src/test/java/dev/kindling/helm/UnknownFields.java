package dev.kindling.helm;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The fields of rendered objects that Kubernetes' API does not know. fabric8's typed models keep
 * them in {@code additionalProperties} instead of failing, so a misspelled field (say
 * {@code publishNotReadyAdresses}) would parse, and the API server would drop or refuse it.
 */
final class UnknownFields {

	private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

	private UnknownFields() {
	}

	/** Paths such as {@code StatefulSet/spec/template/spec/containers[0]/lifecycle: [typo]}. */
	static List<String> of(List<HasMetadata> objects) {
		List<String> unknown = new ArrayList<>();
		for (HasMetadata object : objects) {
			// Custom resources (the ServiceMonitor) have no typed model to check against.
			if (!(object instanceof GenericKubernetesResource)) {
				walk(object, object.getKind(), unknown);
			}
		}
		return unknown;
	}

	private static void walk(Object node, String path, List<String> unknown) {
		if (node instanceof Collection<?> collection) {
			int index = 0;
			for (Object element : collection) {
				walk(element, path + "[" + index++ + "]", unknown);
			}
			return;
		}
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> walk(value, path + "[" + key + "]", unknown));
			return;
		}
		if (node == null || !node.getClass().getPackageName().startsWith(MODEL_PACKAGE)) {
			return;
		}
		for (Method getter : node.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object value = invoke(getter, node);
			if (getter.getName().equals("getAdditionalProperties")) {
				if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
					unknown.add(path + ": " + extra.keySet());
				}
			}
			else {
				walk(value, path + "/" + fieldName(getter), unknown);
			}
		}
	}

	private static String fieldName(Method getter) {
		String name = getter.getName().substring(3);
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	private static Object invoke(Method getter, Object node) {
		try {
			return getter.invoke(node);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + getter + " of " + node.getClass().getName(), ex);
		}
	}

}
