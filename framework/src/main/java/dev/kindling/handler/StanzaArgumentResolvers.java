package dev.kindling.handler;

import java.util.List;
import java.util.regex.Matcher;

import org.dom4j.Element;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

import dev.kindling.template.XmppTemplate;

/**
 * The argument resolvers every handler method gets: the stanza, {@link From @From} and
 * {@link To @To} addresses, the {@link Body @Body}, {@link Match @Match} groups, an IQ's child
 * {@link Element}, and the {@link XmppTemplate}. Each takes only what makes sense for the kind of
 * handler, so a mismatch fails at startup rather than per stanza.
 */
final class StanzaArgumentResolvers {

	private static final TypeDescriptor STRING = TypeDescriptor.valueOf(String.class);

	private StanzaArgumentResolvers() {
	}

	static List<HandlerMethodArgumentResolver> defaults(ConversionService conversionService) {
		return List.of(new StanzaResolver(), new AddressResolver(), new BodyResolver(), new MatchResolver(conversionService),
				new ChildElementResolver(), new TemplateResolver(), new CommandArgumentResolver(conversionService));
	}

	static InboundStanza inbound(Message<?> message) {
		return (InboundStanza) message;
	}

	/** The stanza itself, as its own class or as {@link Packet}. */
	static final class StanzaResolver implements HandlerMethodArgumentResolver, ArgumentDescription {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			Class<?> type = parameter.getParameterType();
			StanzaKind kind = StanzaKind.of(parameter);
			return kind != null && Packet.class.isAssignableFrom(type) && type.isAssignableFrom(kind.stanzaType());
		}

		@Override
		public String describe(StanzaKind kind) {
			return "the stanza (" + kind.stanzaType().getSimpleName() + " or Packet)";
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, Message<?> message) {
			return inbound(message).getPayload();
		}

	}

	/** {@code @From} and {@code @To}, as {@link JID} or {@code String}. */
	static final class AddressResolver implements HandlerMethodArgumentResolver, ArgumentDescription {

		@Override
		public String describe(StanzaKind kind) {
			return "@From/@To JID or String";
		}

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			Class<?> type = parameter.getParameterType();
			return (parameter.hasParameterAnnotation(From.class) || parameter.hasParameterAnnotation(To.class))
					&& (type == JID.class || type == String.class);
		}

		@Override
		public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
			Packet stanza = inbound(message).getPayload();
			JID address = parameter.hasParameterAnnotation(From.class) ? stanza.getFrom() : stanza.getTo();
			if (address == null || parameter.getParameterType() == JID.class) {
				return address;
			}
			return address.toString();
		}

	}

	/** {@code @Body String} on message handlers. */
	static final class BodyResolver implements HandlerMethodArgumentResolver, ArgumentDescription {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.hasParameterAnnotation(Body.class) && parameter.getParameterType() == String.class
					&& StanzaKind.MESSAGE.owns(parameter);
		}

		@Override
		public @Nullable String describe(StanzaKind kind) {
			return (kind == StanzaKind.MESSAGE) ? "@Body String" : null;
		}

		@Override
		public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
			return ((org.xmpp.packet.Message) inbound(message).getPayload()).getBody();
		}

	}

	/**
	 * Text from the body converted to the parameter's type; a value that does not convert is the
	 * sender's mistake, answered naming the argument and the form expected.
	 */
	abstract static class TextArgumentResolver implements HandlerMethodArgumentResolver, ArgumentDescription {

		private final ConversionService conversionService;

		TextArgumentResolver(ConversionService conversionService) {
			this.conversionService = conversionService;
		}

		boolean converts(MethodParameter parameter) {
			return this.conversionService.canConvert(STRING, new TypeDescriptor(parameter));
		}

		/** @param usage appended to the rejection, such as {@code ". Usage: !roll <sides>"} */
		@Nullable Object convert(MethodParameter parameter, String name, @Nullable String value, String usage) {
			try {
				return this.conversionService.convert(value, STRING, new TypeDescriptor(parameter));
			}
			catch (ConversionException ex) {
				throw new ArgumentRejectedException(name,
						ArgumentTypes.rejected(name, parameter.getParameterType(), String.valueOf(value)) + usage);
			}
		}

	}

	/** {@code @Match("group")}, converted to the parameter's type. */
	static final class MatchResolver extends TextArgumentResolver {

		MatchResolver(ConversionService conversionService) {
			super(conversionService);
		}

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.hasParameterAnnotation(Match.class) && StanzaKind.MESSAGE.owns(parameter) && converts(parameter);
		}

		@Override
		public @Nullable String describe(StanzaKind kind) {
			return (kind == StanzaKind.MESSAGE) ? "@Match(\"group\") of a type converted from String" : null;
		}

		@Override
		public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
			Matcher matcher = inbound(message).bodyMatch();
			Match match = parameter.getParameterAnnotation(Match.class);
			if (match == null) {
				throw new IllegalStateException(parameter + " has no @Match");
			}
			return convert(parameter, match.value(), (matcher != null) ? matcher.group(match.value()) : null, "");
		}

	}

	/** An IQ's child element, as a dom4j {@link Element}. */
	static final class ChildElementResolver implements HandlerMethodArgumentResolver, ArgumentDescription {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == Element.class && StanzaKind.IQ.owns(parameter);
		}

		@Override
		public @Nullable String describe(StanzaKind kind) {
			return (kind == StanzaKind.IQ) ? "the IQ's child Element" : null;
		}

		@Override
		public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
			return ((IQ) inbound(message).getPayload()).getChildElement();
		}

	}

	/** The {@link XmppTemplate}, for handlers that send more than their reply. */
	static final class TemplateResolver implements HandlerMethodArgumentResolver, ArgumentDescription {

		@Override
		public String describe(StanzaKind kind) {
			return "XmppTemplate";
		}

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == XmppTemplate.class;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, Message<?> message) {
			return inbound(message).replyAwareTemplate();
		}

	}

	/**
	 * A chat command's arguments: a parameter with {@link Arg @Arg}, or one no other resolver takes
	 * whose type converts from {@code String}. Parsed once per stanza, converted per parameter.
	 */
	static final class CommandArgumentResolver extends TextArgumentResolver {

		CommandArgumentResolver(ConversionService conversionService) {
			super(conversionService);
		}

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return HandlerParameter.commandOf(parameter) != null && converts(parameter);
		}

		@Override
		public @Nullable String describe(StanzaKind kind) {
			return (kind == StanzaKind.MESSAGE) ? "on a @Command, its arguments (any type converted from String)" : null;
		}

		@Override
		public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
			CommandDescriptor command = HandlerParameter.commandOf(parameter);
			CommandDescriptor.Argument argument = HandlerParameter.argumentOf(parameter);
			if (command == null || argument == null) {
				throw new IllegalStateException(parameter + " is not a command argument");
			}
			String value = inbound(message).commandArguments(command).get(argument.name());
			return convert(parameter, argument.name(), value, ". Usage: " + command.usage());
		}

	}

}
