package dev.kindling.handler;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;

/**
 * Implemented by an argument resolver whose parameters stand for an extension element, such as
 * an {@code @XmppPayload} record. On an {@link OnIq @OnIq} handler, that element is the request's
 * child: it supplies a namespace and element left out of the annotation, and one that differs
 * from the annotation's fails startup (such a handler could never bind a request it takes).
 */
public interface ElementArgument {

	/**
	 * Declare a parameter this resolver binds, once at startup: check its type (failing with an
	 * exception that says what is wrong) and say which element it binds.
	 * @return the element, or {@code null} when it binds none in particular
	 */
	@Nullable ElementName declare(MethodParameter parameter);

	/** An element's namespace and local name. */
	record ElementName(String namespace, String name) {

		@Override
		public String toString() {
			return "{" + this.namespace + "}" + this.name;
		}

	}

}
