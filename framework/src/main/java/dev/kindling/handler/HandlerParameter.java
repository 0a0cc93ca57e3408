package dev.kindling.handler;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.SynthesizingMethodParameter;

import dev.kindling.handler.CommandDescriptor.Argument;

/**
 * A parameter or return type of a handler method, with what its endpoint takes: the stanza kind
 * and, for a chat command, the command. Resolvers read these facts here at startup and from the
 * stanza's headers per stanza, never from the mapping annotation.
 */
final class HandlerParameter extends SynthesizingMethodParameter {

	private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	private final StanzaKind kind;

	private final @Nullable CommandDescriptor command;

	private final @Nullable Argument argument;

	private final @Nullable EndpointMapping endpoint;

	HandlerParameter(Method method, int index, StanzaKind kind, @Nullable CommandDescriptor command,
			@Nullable Argument argument, @Nullable EndpointMapping endpoint) {
		super(method, index);
		this.kind = kind;
		this.command = command;
		this.argument = argument;
		this.endpoint = endpoint;
		initParameterNameDiscovery(NAMES);
	}

	private HandlerParameter(HandlerParameter original) {
		super(original);
		this.kind = original.kind;
		this.command = original.command;
		this.argument = original.argument;
		this.endpoint = original.endpoint;
	}

	StanzaKind kind() {
		return this.kind;
	}

	/** The module's mapping when the method is an endpoint it calls itself. */
	@Nullable EndpointMapping endpoint() {
		return this.endpoint;
	}

	/** The chat command this parameter's method implements, if it is one. */
	static @Nullable CommandDescriptor commandOf(org.springframework.core.MethodParameter parameter) {
		return (parameter instanceof HandlerParameter handlerParameter) ? handlerParameter.command : null;
	}

	/** The command argument this parameter binds, if it is one. */
	static @Nullable Argument argumentOf(org.springframework.core.MethodParameter parameter) {
		return (parameter instanceof HandlerParameter handlerParameter) ? handlerParameter.argument : null;
	}

	@Override
	public HandlerParameter clone() {
		return new HandlerParameter(this);
	}

}
