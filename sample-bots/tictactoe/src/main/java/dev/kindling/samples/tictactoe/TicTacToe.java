package dev.kindling.samples.tictactoe;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The rules of tic-tac-toe, without XMPP or Spring. Immutable: a move or a resignation returns the
 * next position and leaves this one as it was, so a rejected request cannot change a game.
 *
 * <p>Cells are numbered 0 to 8, row by row from the top left. X moves first.
 */
public final class TicTacToe {

	/** The eight lines that win: three rows, three columns, two diagonals. */
	static final List<int[]> LINES = List.of(new int[] { 0, 1, 2 }, new int[] { 3, 4, 5 }, new int[] { 6, 7, 8 },
			new int[] { 0, 3, 6 }, new int[] { 1, 4, 7 }, new int[] { 2, 5, 8 }, new int[] { 0, 4, 8 },
			new int[] { 2, 4, 6 });

	public static final int CELLS = 9;

	/** A player's mark. */
	public enum Mark {

		X, O;

		public Mark opponent() {
			return (this == X) ? O : X;
		}

	}

	/** Where the game stands. */
	public enum Status {

		IN_PROGRESS, X_WON, O_WON, DRAW;

		static Status wonBy(Mark mark) {
			return (mark == Mark.X) ? X_WON : O_WON;
		}

	}

	/** Why a request breaks the rules. */
	public enum Violation {

		/** The cell is not between 0 and 8. */
		OUT_OF_RANGE,
		/** The cell already holds a mark. */
		CELL_TAKEN,
		/** The other player is to move. */
		NOT_YOUR_TURN,
		/** The game has ended: won, drawn or resigned. */
		GAME_OVER

	}

	/** A request that breaks the rules; the game it was made on is unchanged. */
	public static final class IllegalMoveException extends RuntimeException {

		private final Violation violation;

		IllegalMoveException(Violation violation, String message) {
			super(message);
			this.violation = violation;
		}

		public Violation violation() {
			return this.violation;
		}

	}

	private final @Nullable Mark[] cells;

	private final Mark toMove;

	private final Status status;

	private final @Nullable Mark resigned;

	private final @Nullable Mark forfeited;

	private TicTacToe(@Nullable Mark[] cells, Mark toMove, Status status, @Nullable Mark resigned) {
		this(cells, toMove, status, resigned, null);
	}

	private TicTacToe(@Nullable Mark[] cells, Mark toMove, Status status, @Nullable Mark resigned,
			@Nullable Mark forfeited) {
		this.cells = cells;
		this.toMove = toMove;
		this.status = status;
		this.resigned = resigned;
		this.forfeited = forfeited;
	}

	/** An empty board, X to move. */
	public static TicTacToe newGame() {
		return new TicTacToe(new Mark[CELLS], Mark.X, Status.IN_PROGRESS, null);
	}

	/**
	 * The position after {@code player} marks {@code cell}.
	 * @throws IllegalMoveException when the game is over, it is not the player's turn, the cell is
	 * out of range or taken (checked in that order)
	 */
	public TicTacToe play(Mark player, int cell) {
		Objects.requireNonNull(player, "player");
		if (isOver()) {
			throw new IllegalMoveException(Violation.GAME_OVER, "The game is over: " + this.status);
		}
		if (player != this.toMove) {
			throw new IllegalMoveException(Violation.NOT_YOUR_TURN, "It is " + this.toMove + "'s turn");
		}
		if (cell < 0 || cell >= CELLS) {
			throw new IllegalMoveException(Violation.OUT_OF_RANGE, "Cell " + cell + " is not between 0 and 8");
		}
		if (this.cells[cell] != null) {
			throw new IllegalMoveException(Violation.CELL_TAKEN, "Cell " + cell + " is taken by " + this.cells[cell]);
		}
		Mark[] next = this.cells.clone();
		next[cell] = player;
		return new TicTacToe(next, player.opponent(), statusOf(next), null);
	}

	/**
	 * The position after {@code player} resigns, whoever is to move: the opponent wins.
	 * @throws IllegalMoveException with {@link Violation#GAME_OVER} when the game has ended
	 */
	public TicTacToe resign(Mark player) {
		Objects.requireNonNull(player, "player");
		if (isOver()) {
			throw new IllegalMoveException(Violation.GAME_OVER, "The game is over: " + this.status);
		}
		return new TicTacToe(this.cells, this.toMove, Status.wonBy(player.opponent()), player);
	}

	/**
	 * The position after {@code player} forfeits (went away and did not come back in time), whoever
	 * is to move: the opponent wins, as after a resignation.
	 * @throws IllegalMoveException with {@link Violation#GAME_OVER} when the game has ended
	 */
	public TicTacToe forfeit(Mark player) {
		Objects.requireNonNull(player, "player");
		if (isOver()) {
			throw new IllegalMoveException(Violation.GAME_OVER, "The game is over: " + this.status);
		}
		return new TicTacToe(this.cells, this.toMove, Status.wonBy(player.opponent()), null, player);
	}

	private static Status statusOf(@Nullable Mark[] cells) {
		for (int[] line : LINES) {
			Mark first = cells[line[0]];
			if (first != null && first == cells[line[1]] && first == cells[line[2]]) {
				return Status.wonBy(first);
			}
		}
		return Arrays.stream(cells).allMatch(Objects::nonNull) ? Status.DRAW : Status.IN_PROGRESS;
	}

	public @Nullable Mark cell(int index) {
		return this.cells[index];
	}

	/** Who moves next; after the game ended, who would have. */
	public Mark toMove() {
		return this.toMove;
	}

	public Status status() {
		return this.status;
	}

	public boolean isOver() {
		return this.status != Status.IN_PROGRESS;
	}

	/** The player who resigned, or {@code null}. */
	public @Nullable Mark resigned() {
		return this.resigned;
	}

	/** The player who forfeited, or {@code null}. */
	public @Nullable Mark forfeited() {
		return this.forfeited;
	}

	/** The board as nine characters, row by row: {@code X}, {@code O} or {@code -} for a free cell. */
	public String board() {
		StringBuilder board = new StringBuilder(CELLS);
		for (Mark mark : this.cells) {
			board.append((mark != null) ? mark.name() : "-");
		}
		return board.toString();
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof TicTacToe game) && Arrays.equals(this.cells, game.cells) && this.toMove == game.toMove
				&& this.status == game.status && this.resigned == game.resigned && this.forfeited == game.forfeited;
	}

	@Override
	public int hashCode() {
		return Objects.hash(Arrays.hashCode(this.cells), this.toMove, this.status, this.resigned, this.forfeited);
	}

	@Override
	public String toString() {
		return board() + " " + this.status + ((this.status == Status.IN_PROGRESS) ? ", " + this.toMove + " to move" : "");
	}

}
