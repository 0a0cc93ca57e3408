package dev.kindling.bench;

import java.time.Duration;

/**
 * One level of the Toetem scenario: {@code games} games in progress at once, each played by two
 * simulated players of its own (join, start, legal moves to the end, then a new game).
 *
 * @param games games kept in progress at once (N); each has exactly one request outstanding or due
 * @param moveRate moves per second over all games (paced mode): a player waits
 * {@code games / moveRate} after an answer before a move or resignation, so the offered load is about
 * the same at every N and only the number of games changes (joining and starting the next game go
 * at once); 0 means saturated (no wait: N requests outstanding all the time, so latency follows
 * N / throughput)
 * @param firstPlayer index of the level's first player JID ({@code p<index>@<domain>/r}), so that
 * levels never share players
 * @param warmup time played before measuring, from the start of the level and again from when every
 * game has started (correctness counters count from the start)
 * @param measure time over which moves/s and latency are measured
 * @param lossTimeout a request unanswered this long is counted lost and its game abandoned
 * @param refereeDomain the referee's domain, the {@code to} of every request
 * @param seed seed of the players' move choice
 */
public record ToetemSpec(int games, double moveRate, int firstPlayer, Duration warmup, Duration measure,
		Duration lossTimeout, String refereeDomain, long seed) {

	public ToetemSpec {
		if (games < 1 || games >= ToetemSession.SLOT_LIMIT || moveRate < 0 || firstPlayer < 0) {
			throw new IllegalArgumentException("games must be 1.." + (ToetemSession.SLOT_LIMIT - 1)
					+ ", moveRate and firstPlayer not negative");
		}
	}

	/** Whether players answer at once rather than at the paced rate. */
	public boolean saturated() {
		return this.moveRate == 0;
	}

	/** The wait between an answer and the player's next move. */
	long thinkNanos() {
		return saturated() ? 0 : (long) (this.games * 1e9 / this.moveRate);
	}

}
