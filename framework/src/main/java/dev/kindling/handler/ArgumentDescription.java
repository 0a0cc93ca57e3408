package dev.kindling.handler;

import org.jspecify.annotations.Nullable;

/**
 * Implemented by an argument resolver to say, in a startup error about a parameter that cannot be
 * bound, what it binds. A resolver without it is listed by its class name.
 */
public interface ArgumentDescription {

	/**
	 * What this resolver binds on handlers of the given kind, such as {@code "@From JID or String"};
	 * {@code null} when it binds nothing there.
	 */
	@Nullable String describe(StanzaKind kind);

}
