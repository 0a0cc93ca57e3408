package dev.kindling.handler;

/**
 * Registers handlers in code, next to the annotated ones: a bean of this type is called once at
 * startup, before the routing table is built, checked and logged, so its handlers rank, bind and
 * fail startup exactly like annotated ones.
 *
 * <pre class="code">
 * &#64;Bean
 * HandlerRegistrar scoreHandlers(ScoreService scores) {
 *     return (registration) -&gt; registration.add(scores, ScoreService.class.getMethod("score", JID.class),
 *             Mappings.onIq("urn:example:score"));
 * }
 * </pre>
 */
@FunctionalInterface
public interface HandlerRegistrar {

	void registerHandlers(HandlerRegistration registration);

}
