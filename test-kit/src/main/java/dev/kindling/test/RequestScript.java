package dev.kindling.test;

import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError.Condition;

/**
 * How the harness answers the component's own IQ requests that match a condition, as the server
 * or the addressed service would. Pick exactly one {@code then…}; the script takes effect then.
 * When several scripts match a request, the one added last wins.
 */
public final class RequestScript {

	private final Predicate<IQ> matcher;

	private final ScriptedAnswers answers;

	RequestScript(Predicate<IQ> matcher, ScriptedAnswers answers) {
		this.matcher = matcher;
		this.answers = answers;
	}

	/** Answer with an empty {@code result}. */
	public void thenResult() {
		thenAnswer(Stanzas::result);
	}

	/** Answer with a {@code result} carrying this child element, e.g. a disco#info query. */
	public void thenResult(String childXml) {
		Stanzas.xml(childXml);
		thenAnswer((request) -> Stanzas.result(request, childXml));
	}

	/** Answer with an {@code error} of this condition. */
	public void thenError(Condition condition) {
		thenAnswer((request) -> Stanzas.error(request, condition));
	}

	/**
	 * Answer with whatever the function builds from the request; start from
	 * {@link Stanzas#result(IQ)} or {@link Stanzas#error(IQ, Condition)} so that the id and
	 * addresses match. {@code null} leaves the request unanswered.
	 */
	public void thenAnswer(Function<IQ, @Nullable IQ> answer) {
		this.answers.add(this.matcher, answer);
	}

	/**
	 * Never answer, so the request runs into its timeout (set a short
	 * {@code xmpp.component.request-timeout} for such tests).
	 */
	public void thenNoAnswer() {
		thenAnswer((request) -> null);
	}

}
