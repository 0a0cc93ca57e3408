package dev.kindling.helm;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import org.jspecify.annotations.Nullable;

/**
 * The environment variables the kubelet would give the bot container of a render: plain values as
 * they are, {@code secretKeyRef}s resolved against the Secrets of the same render, the pod's name
 * ({@code fieldRef} {@code metadata.name}) as given.
 */
final class PodEnvironment {

	private PodEnvironment() {
	}

	static Map<String, Object> of(Manifests manifests) {
		return of(manifests, null);
	}

	/**
	 * @param podName the name of the pod, for {@code fieldRef: metadata.name}; {@code null} when
	 * the render must not refer to it
	 */
	static Map<String, Object> of(Manifests manifests, @Nullable String podName) {
		Map<String, Object> environment = new LinkedHashMap<>();
		for (EnvVar env : manifests.container().getEnv()) {
			// Like the kubelet, a later entry of the same name wins.
			environment.put(env.getName(), valueOf(env, manifests, podName));
		}
		return environment;
	}

	private static String valueOf(EnvVar env, Manifests manifests, @Nullable String podName) {
		if (env.getValueFrom() == null) {
			return (env.getValue() != null) ? env.getValue() : "";
		}
		ObjectFieldSelector field = env.getValueFrom().getFieldRef();
		if (field != null) {
			if (!"metadata.name".equals(field.getFieldPath()) || podName == null) {
				throw new IllegalArgumentException(env.getName() + " refers to the pod's " + field.getFieldPath()
						+ ", which is not resolved here (pod name: " + podName + ")");
			}
			return podName;
		}
		SecretKeySelector ref = env.getValueFrom().getSecretKeyRef();
		if (ref == null) {
			throw new IllegalArgumentException("Only secretKeyRef and the pod's name are resolved here, not "
					+ env.getValueFrom());
		}
		Secret secret = manifests.all(Secret.class)
			.stream()
			.filter((candidate) -> candidate.getMetadata().getName().equals(ref.getName()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					env.getName() + " refers to Secret " + ref.getName() + ", which the render does not contain"));
		String encoded = secret.getData().get(ref.getKey());
		if (encoded == null) {
			throw new IllegalArgumentException(env.getName() + " refers to key " + ref.getKey() + " missing from Secret "
					+ ref.getName());
		}
		return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
	}

}
