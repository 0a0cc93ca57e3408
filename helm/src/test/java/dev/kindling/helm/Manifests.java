package dev.kindling.helm;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

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

	StatefulSet statefulSet() {
		return single(StatefulSet.class);
	}

	PodDisruptionBudget podDisruptionBudget() {
		return single(PodDisruptionBudget.class);
	}

	Secret secret() {
		return single(Secret.class);
	}

	/** The Service in front of the management port (not the StatefulSet's headless one). */
	Service service() {
		return onlyOne(services(false), "management Service");
	}

	/** The StatefulSet's governing Service (mode balanced). */
	Service headlessService() {
		return onlyOne(services(true), "headless Service");
	}

	private List<Service> services(boolean headless) {
		return all(Service.class).stream()
			.filter((service) -> "None".equals(service.getSpec().getClusterIP()) == headless)
			.toList();
	}

	/** The pod template of the one workload: the Deployment or the StatefulSet. */
	PodTemplateSpec podTemplate() {
		List<PodTemplateSpec> templates = new ArrayList<>();
		all(Deployment.class).forEach((deployment) -> templates.add(deployment.getSpec().getTemplate()));
		all(StatefulSet.class).forEach((statefulSet) -> templates.add(statefulSet.getSpec().getTemplate()));
		return onlyOne(templates, "workload (Deployment or StatefulSet)");
	}

	Container container() {
		List<Container> containers = podTemplate().getSpec().getContainers();
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
		return onlyOne(all(type), type.getSimpleName());
	}

	private <T> T onlyOne(List<T> found, String what) {
		if (found.size() != 1) {
			throw new AssertionError("Expected one " + what + ", got " + found.size() + " in\n" + this.yaml);
		}
		return found.get(0);
	}

}
