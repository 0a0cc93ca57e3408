package dev.kindling.handler;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.xmpp.packet.JID;

/** Describes what an argument's type accepts, in words for the person who typed the value. */
final class ArgumentTypes {

	private ArgumentTypes() {
	}

	static String describe(Class<?> type) {
		if (type == String.class) {
			return "any text";
		}
		if (type == int.class || type == Integer.class) {
			return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
		}
		if (type == long.class || type == Long.class || type == BigInteger.class) {
			return "a whole number";
		}
		if (type == short.class || type == Short.class) {
			return "a whole number from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
		}
		if (type == byte.class || type == Byte.class) {
			return "a whole number from " + Byte.MIN_VALUE + " to " + Byte.MAX_VALUE;
		}
		if (type == double.class || type == Double.class || type == float.class || type == Float.class
				|| type == BigDecimal.class) {
			return "a number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", "));
		}
		if (type == JID.class) {
			return "an XMPP address such as alice@example.com";
		}
		if (type == Duration.class) {
			return "a duration such as 30s, 5m or 2h";
		}
		return "a " + type.getSimpleName();
	}

	/** {@code sides must be a whole number from … (not "x")}. */
	static String rejected(String argument, Class<?> type, String value) {
		return argument + " must be " + describe(type) + " (not \"" + value + "\")";
	}

}
