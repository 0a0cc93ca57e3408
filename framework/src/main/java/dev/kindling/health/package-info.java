/**
 * What the component's health check reports beyond the stream itself: modules that need something
 * to serve (a room joined, a pubsub node) add their checks through
 * {@link dev.kindling.health.XmppHealthContributor} beans.
 */
@NullMarked
package dev.kindling.health;

import org.jspecify.annotations.NullMarked;
