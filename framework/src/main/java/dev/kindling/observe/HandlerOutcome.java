package dev.kindling.observe;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.ConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

import dev.kindling.XmppErrorException;

/**
 * How a handler invocation ended, as operators should read it: a user's mistake
 * ({@link #REJECTED}) is not a bug ({@link #FAILURE}).
 *
 * <p>The rule, applied after exception handlers ({@code @XmppExceptionHandler}) had their say:
 * <ol>
 * <li>{@link #SUCCESS}: the handler returned (or its future completed) normally.</li>
 * <li>{@link #REJECTED}: the stanza was refused as the sender's fault:
 * <ul>
 * <li>an {@link XmppErrorException} whose condition {@link dev.kindling.ErrorCondition#isSenderFault()
 * blames the sender} (bad-request, not-acceptable, item-not-found, forbidden, …), thrown by the
 * handler or by its exception handler, or returned by the exception handler;</li>
 * <li>an argument that could not be bound or converted ({@link MethodArgumentResolutionException},
 * {@link ConversionException}; {@code ArgumentRejectedException} is a bad-request and so is covered
 * above);</li>
 * <li>an exception that an exception handler declared for that exception type took and answered,
 * unless the exception handler is a catch-all (declared for {@code Throwable}, {@code Exception} or
 * {@code RuntimeException}): a catch-all answers, but does not make a bug a user's mistake.</li>
 * </ul></li>
 * <li>{@link #ERROR}: an {@link XmppErrorException} with any other condition (service-unavailable,
 * resource-constraint, internal-server-error thrown on purpose, …): a refusal on purpose, not the
 * sender's fault.</li>
 * <li>{@link #FAILURE}: anything else, above all an exception no exception handler took (a bug), and
 * an exception other than {@link XmppErrorException} thrown by an exception handler.</li>
 * </ol>
 */
public enum HandlerOutcome {

	SUCCESS,

	REJECTED,

	ERROR,

	FAILURE;

	/** The {@code outcome} tag value: {@code success}, {@code rejected}, {@code error}, {@code failure}. */
	public String tagValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The outcome of a handler that ended with {@code failure} and no exception handler took it:
	 * rules 1, 2 (first two cases), 3 and 4 above.
	 */
	public static HandlerOutcome of(@Nullable Throwable failure) {
		if (failure == null) {
			return SUCCESS;
		}
		if (failure instanceof XmppErrorException error) {
			return error.getErrorCondition().isSenderFault() ? REJECTED : ERROR;
		}
		if (failure instanceof MethodArgumentResolutionException || failure instanceof ConversionException) {
			return REJECTED;
		}
		return FAILURE;
	}

}
