package dev.kindling.devserver;

import java.util.Locale;

/**
 * How ejabberd spreads the stanzas for one component domain over the component sessions that
 * serve it: the {@code type} of its top-level {@code domain_balancing} option.
 */
public enum EjabberdBalancing {

	/** No {@code domain_balancing} entry: a random session per stanza, no affinity. */
	NONE,

	/** A random slot per stanza. */
	RANDOM,

	/** The slot of the full {@code from} address. */
	SOURCE,

	/** The slot of the bare {@code from} address: one session per sender. */
	BARE_SOURCE,

	/** The slot of the full {@code to} address. */
	DESTINATION,

	/** The slot of the bare {@code to} address: one session per addressee (a game, a room). */
	BARE_DESTINATION;

	/** The value in ejabberd's configuration, e.g. {@code bare_source}. */
	public String configValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses ejabberd's spelling ({@code bare_source}) or Kindling's ({@code bare-source}), in any
	 * case.
	 * @throws IllegalArgumentException for an unknown type, naming the known ones
	 */
	public static EjabberdBalancing of(String type) {
		String normalized = type.strip().replace('-', '_').toUpperCase(Locale.ROOT);
		for (EjabberdBalancing balancing : values()) {
			if (balancing.name().equals(normalized)) {
				return balancing;
			}
		}
		throw new IllegalArgumentException("Unknown ejabberd balancing type '" + type
				+ "'; expected none, random, source, bare_source, destination or bare_destination");
	}

}
