package dev.kindling.disco;

/**
 * The identity disco#info announces (XEP-0030 §3.1; categories and types from the XMPP Registrar).
 *
 * @param category e.g. {@code component}, {@code conference}, {@code pubsub}
 * @param type e.g. {@code generic}, {@code bot}
 * @param name a human-readable name
 */
public record ServiceIdentity(String category, String type, String name) {
}
