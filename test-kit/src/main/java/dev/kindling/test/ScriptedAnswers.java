package dev.kindling.test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.IQ;

/**
 * The scripts the harness answers the component's own IQ requests with; a request no script
 * matches stays unanswered and is remembered, so a test that forgot a script says so.
 */
final class ScriptedAnswers implements Function<IQ, @Nullable IQ> {

	private final List<Script> scripts = new CopyOnWriteArrayList<>();

	private final List<IQ> unmatched = new CopyOnWriteArrayList<>();

	RequestScript when(Predicate<IQ> matcher) {
		return new RequestScript(matcher, this);
	}

	void add(Predicate<IQ> matcher, Function<IQ, @Nullable IQ> answer) {
		this.scripts.add(new Script(matcher, answer));
	}

	@Override
	public @Nullable IQ apply(IQ request) {
		List<Script> current = new ArrayList<>(this.scripts);
		for (int i = current.size() - 1; i >= 0; i--) {
			Script script = current.get(i);
			if (script.matcher().test(request)) {
				return script.answer().apply(request.createCopy());
			}
		}
		this.unmatched.add(request);
		return null;
	}

	/** Requests that no script matched. */
	List<IQ> unmatched() {
		return List.copyOf(this.unmatched);
	}

	void clear() {
		this.scripts.clear();
		this.unmatched.clear();
	}

	private record Script(Predicate<IQ> matcher, Function<IQ, @Nullable IQ> answer) {
	}

}
