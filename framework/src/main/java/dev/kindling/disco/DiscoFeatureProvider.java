package dev.kindling.disco;

import java.util.Collection;

/**
 * Contributes features to the disco#info answer beyond the namespaces of {@code @OnIq} handlers,
 * which are announced automatically. Declare as a bean.
 */
@FunctionalInterface
public interface DiscoFeatureProvider {

	Collection<String> features();

}
