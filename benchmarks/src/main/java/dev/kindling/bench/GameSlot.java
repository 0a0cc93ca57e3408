package dev.kindling.bench;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * One of the N concurrent games of the Toetem scenario: its two simulated players, what they are
 * doing, and their own model of the game (board and status computed independently of the referee),
 * against which every answer and event is checked.
 */
final class GameSlot {

	/** What the slot's next (or outstanding) request is. */
	enum Phase {

		/** O joins the waiting list. */
		JOIN,

		/** X starts a game against O. */
		START,

		/** The player to move marks a random free cell. */
		MOVE,

		/** Wind-down: the player to move resigns the game in progress. */
		RESIGN,

		/** Wind-down: O, still waiting, leaves the waiting list. */
		LEAVE,

		/** Nothing more to send (wound down, or abandoned after a lost request). */
		DONE

	}

	private static final int[][] LINES = { { 0, 1, 2 }, { 3, 4, 5 }, { 6, 7, 8 }, { 0, 3, 6 }, { 1, 4, 7 }, { 2, 5, 8 },
			{ 0, 4, 8 }, { 2, 4, 6 } };

	final int index;

	/** Player indexes: X is {@code p<xPlayer>}, O the next one. */
	final int xPlayer;

	final String xBare;

	final String oBare;

	final byte[] xFull;

	final byte[] oFull;

	private final SplittableRandom random;

	Phase phase = Phase.JOIN;

	/** Number of the outstanding (or last) request; answers carry it in their id. */
	long request;

	boolean outstanding;

	/** Whether the outstanding request came from O rather than X. */
	boolean fromO;

	long sentNanos;

	/** Whether the slot's first game of the level has started. */
	boolean started;

	/** When the next request is due (paced mode). */
	long due;

	String gameId = "";

	/** The board as the players' model has it, and what the outstanding request must make of it. */
	final byte[] board = "---------".getBytes(StandardCharsets.US_ASCII);

	String expectedBoard = "---------";

	String expectedStatus = "playing";

	/** Which players (bit 0 X, bit 1 O) got the event of the outstanding request's state change. */
	int eventsSeen;

	GameSlot(int index, int xPlayer, String domain, long seed) {
		this.index = index;
		this.xPlayer = xPlayer;
		this.xBare = "p" + xPlayer + "@" + domain;
		this.oBare = "p" + (xPlayer + 1) + "@" + domain;
		this.xFull = (this.xBare + "/r").getBytes(StandardCharsets.US_ASCII);
		this.oFull = (this.oBare + "/r").getBytes(StandardCharsets.US_ASCII);
		this.random = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L));
	}

	/** Whether X is to move in the model. */
	boolean xToMove() {
		int marks = 0;
		for (byte cell : this.board) {
			if (cell != '-') {
				marks++;
			}
		}
		return marks % 2 == 0;
	}

	/** Picks a random free cell for the player to move and sets what the referee must answer. */
	int chooseMove() {
		int free = 0;
		for (byte cell : this.board) {
			if (cell == '-') {
				free++;
			}
		}
		int pick = this.random.nextInt(free);
		int cell = 0;
		for (; cell < 9; cell++) {
			if (this.board[cell] == '-' && pick-- == 0) {
				break;
			}
		}
		byte mark = xToMove() ? (byte) 'X' : (byte) 'O';
		byte[] next = this.board.clone();
		next[cell] = mark;
		this.expectedBoard = new String(next, StandardCharsets.US_ASCII);
		this.expectedStatus = status(next, mark);
		return cell;
	}

	/** The referee confirmed the expected state: the model moves on. */
	void accept() {
		System.arraycopy(this.expectedBoard.getBytes(StandardCharsets.US_ASCII), 0, this.board, 0, 9);
	}

	/** A new game: empty board, as the start answer must show. */
	void reset() {
		for (int i = 0; i < 9; i++) {
			this.board[i] = '-';
		}
		this.expectedBoard = "---------";
		this.expectedStatus = "playing";
	}

	boolean over() {
		return !"playing".equals(this.expectedStatus);
	}

	private static String status(byte[] board, byte mark) {
		for (int[] line : LINES) {
			if (board[line[0]] == mark && board[line[1]] == mark && board[line[2]] == mark) {
				return (mark == 'X') ? "x-won" : "o-won";
			}
		}
		for (byte cell : board) {
			if (cell == '-') {
				return "playing";
			}
		}
		return "draw";
	}

}
