package dev.kindling.replica;

import java.time.Duration;

/**
 * One replica's identity and how its domain is balanced.
 *
 * @param instance the replica's name, unique among the replicas (a StatefulSet pod's name)
 * @param balancing how the server spreads the domain's stanzas
 * @param probeTimeout how long a replica waits for its probes to come back before it concludes
 * that it has no slot (home) or that an address is not its own (rooms, {@link Replica#owns})
 */
public record ReplicaSettings(String instance, Balancing balancing, Duration probeTimeout) {

	public ReplicaSettings {
		if (instance.isBlank()) {
			throw new IllegalArgumentException("A replica's instance name must not be blank");
		}
		if (probeTimeout.isZero() || probeTimeout.isNegative()) {
			throw new IllegalArgumentException("The probe timeout must be positive; got " + probeTimeout);
		}
	}

	/** A single replica: the default, where nothing is balanced. */
	public static ReplicaSettings single(String instance) {
		return new ReplicaSettings(instance, Balancing.NONE, Duration.ofSeconds(2));
	}

}
