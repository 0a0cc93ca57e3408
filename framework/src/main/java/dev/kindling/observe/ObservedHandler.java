package dev.kindling.observe;

import java.lang.reflect.Method;

/**
 * The handler an observer is told about in {@link StanzaObserver#handled}. It lives here, not in
 * {@code dev.kindling.handler}, so that the connection, which reports to observers, does not depend
 * on the handler model, which sends through the connection.
 */
public interface ObservedHandler {

	/** {@code Class.method(ParamType, …)}, for logs and the {@code handler} tag of metrics. */
	String name();

	/** The handler method. */
	Method method();

}
