package dev.kindling.bench;

import java.util.Map;

/**
 * The outcome of one Toetem level.
 *
 * @param spec what was played
 * @param sent player requests sent (join, start, move, resign, leave), warmup and wind-down included
 * @param answered requests answered, each counted once
 * @param errors answers of type {@code error} (counted in {@code answered} too); every request the
 * players send is legal, so any error is a finding
 * @param errorTexts the stanzas of the first few errors, for the report
 * @param lost requests unanswered within the loss timeout (their games are abandoned)
 * @param unexpected answers to no outstanding request: duplicates, late answers, or sent to the
 * wrong player
 * @param mismatches answers whose game state differs from the players' own model of the game (board,
 * status, players or id)
 * @param missingEvents game events (one per player per state change) not received before the answer
 * @param strayEvents events that match no state change of the player's game, or came twice
 * @param gamesFinished games played to a win or draw
 * @param resigned games in progress resigned when the level ended, each checked
 * @param moves moves sent and answered in the measured period
 * @param movesPerSecond those moves per second of the measured period
 * @param p50Micros median latency of the measured move requests
 * @param p99Micros 99th percentile
 * @param p999Micros 99.9th percentile
 * @param maxMicros largest
 * @param measureStartEpochMillis wall-clock time when the measurement began (to match GC logs)
 * @param maxAtMillis when the largest was answered, from the start of the measurement
 * @param setupP99Micros 99th percentile of measured join and start requests
 * @param serverIqsAnswered IQ requests the referee sent to the server (not to a player), answered with
 * an empty result
 * @param other what else the referee sent that belongs to no player's flow, by kind, e.g.
 * {@code presence}, {@code message groupchat}, {@code iq get urn:xmpp:ping}
 */
public record ToetemResult(ToetemSpec spec, long sent, long answered, long errors, String errorTexts, long lost,
		long unexpected, long mismatches, long missingEvents, long strayEvents, long gamesFinished, long resigned,
		long moves, double movesPerSecond, long p50Micros, long p99Micros, long p999Micros, long maxMicros,
		long measureStartEpochMillis, long maxAtMillis,
		long setupP99Micros, long serverIqsAnswered, Map<String, Long> other) {

	/** Whether every request was answered once and every answer and event was the expected one. */
	public boolean consistent() {
		return this.errors == 0 && this.lost == 0 && this.unexpected == 0 && this.mismatches == 0
				&& this.missingEvents == 0 && this.strayEvents == 0 && this.sent == this.answered;
	}

	@Override
	public String toString() {
		return String.format(
				"N=%d %s: %.0f moves/s p50=%dus p99=%dus p99.9=%dus max=%dus (at %d ms, window from %tT.%<tL) "
						+ "setup-p99=%dus sent=%d answered=%d errors=%d lost=%d unexpected=%d mismatches=%d missing-events=%d stray-events=%d finished=%d resigned=%d "
						+ "server-iqs=%d other=%s%s",
				this.spec.games(), this.spec.saturated() ? "saturated" : "paced " + (long) this.spec.moveRate() + "/s",
				this.movesPerSecond, this.p50Micros, this.p99Micros, this.p999Micros, this.maxMicros, this.maxAtMillis,
				this.measureStartEpochMillis,
				this.setupP99Micros, this.sent, this.answered, this.errors, this.lost, this.unexpected, this.mismatches,
				this.missingEvents, this.strayEvents, this.gamesFinished, this.resigned, this.serverIqsAnswered,
				this.other, this.errorTexts.isEmpty() ? "" : " first errors: " + this.errorTexts);
	}

}
