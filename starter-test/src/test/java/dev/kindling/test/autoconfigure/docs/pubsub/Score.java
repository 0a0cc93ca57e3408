package dev.kindling.test.autoconfigure.docs.pubsub;

import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import dev.kindling.payload.XmppPayload;

/** The score of docs/pubsub.md's examples. */
@XmppPayload(namespace = "urn:example:score", element = "score")
record Score(@JacksonXmlProperty(isAttribute = true) int round, int points) {
}
