package dev.kindling.test.autoconfigure.docs.errors;

import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import dev.kindling.payload.XmppPayload;

@XmppPayload(namespace = "urn:example:score", element = "score")
record Score(@JacksonXmlProperty(isAttribute = true) int points) {
}
