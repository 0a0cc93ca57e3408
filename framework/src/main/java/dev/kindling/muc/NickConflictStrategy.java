package dev.kindling.muc;

import org.jspecify.annotations.Nullable;

/**
 * What to do when a room answers a join with {@code conflict}: the nick is taken.
 */
@FunctionalInterface
public interface NickConflictStrategy {

	/**
	 * The nick to try next, or {@code null} to give up.
	 * @param wanted the nick the room was joined with
	 * @param attempt 1 for the first conflict, 2 for the second, and so on
	 */
	@Nullable String next(String wanted, int attempt);

	/** Try {@code nick_2}, {@code nick_3} and so on, up to {@code maxAttempts} conflicts. */
	static NickConflictStrategy suffix(int maxAttempts) {
		return (wanted, attempt) -> (attempt <= maxAttempts) ? wanted + "_" + (attempt + 1) : null;
	}

	/** Give up at the first conflict: the join fails with {@code conflict}. */
	static NickConflictStrategy fail() {
		return (wanted, attempt) -> null;
	}

}
