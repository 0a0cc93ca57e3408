/**
 * Publish-subscribe (XEP-0060) from the component: {@link dev.kindling.pubsub.PubSubTemplate} for
 * nodes, items, subscriptions and affiliations, and {@link dev.kindling.pubsub.OnPubSubEvent} for
 * the events the service sends.
 */
@NullMarked
package dev.kindling.pubsub;

import org.jspecify.annotations.NullMarked;
