package dev.kindling.handler;

/**
 * The IQ request types a handler can take, for {@link OnIq#type()}. Results and errors answer our
 * own requests and complete their futures instead.
 */
public enum IqType {

	GET, SET

}
