package dev.kindling.helm;

import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The objects of one render, typed.
 *
 * @param yaml the rendered text, for messages
 * @param objects the parsed objects in render order
 */
record Manifests(String yaml, List<HasMetadata> objects) {

	Deployment deployment() {
		return single(Deployment.class);
	}

	Secret secret() {
		return single(Secret.class);
	}

	Service service() {
		return single(Service.class);
	}

	Container container() {
		List<Container> containers = deployment().getSpec().getTemplate().getSpec().getContainers();
		if (containers.size() != 1) {
			throw new AssertionError("Expected one container, got " + containers.size() + " in\n" + this.yaml);
		}
		return containers.get(0);
	}

	EnvVar env(String name) {
		return container().getEnv()
			.stream()
			.filter((env) -> env.getName().equals(name))
			.reduce((first, second) -> {
				throw new AssertionError("Environment variable " + name + " set twice in\n" + this.yaml);
			})
			.orElseThrow(() -> new AssertionError("No environment variable " + name + " in\n" + this.yaml));
	}

	List<GenericKubernetesResource> ofKind(String kind) {
		return this.objects.stream()
			.filter((object) -> object.getKind().equals(kind))
			.filter(GenericKubernetesResource.class::isInstance)
			.map(GenericKubernetesResource.class::cast)
			.toList();
	}

	<T extends HasMetadata> List<T> all(Class<T> type) {
		return this.objects.stream().filter(type::isInstance).map(type::cast).toList();
	}

	<T extends HasMetadata> T single(Class<T> type) {
		List<T> found = all(type);
		if (found.size() != 1) {
			throw new AssertionError(
					"Expected one " + type.getSimpleName() + ", got " + found.size() + " in\n" + this.yaml);
		}
		return found.get(0);
	}

}
