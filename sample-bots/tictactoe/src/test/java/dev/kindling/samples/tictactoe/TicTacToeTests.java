package dev.kindling.samples.tictactoe;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.kindling.samples.tictactoe.TicTacToe.IllegalMoveException;
import dev.kindling.samples.tictactoe.TicTacToe.Mark;
import dev.kindling.samples.tictactoe.TicTacToe.Status;
import dev.kindling.samples.tictactoe.TicTacToe.Violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The rules alone: every winning line for both players, a draw, resignation, every illegal move. */
class TicTacToeTests {

	static Stream<Arguments> everyLineForBothPlayers() {
		List<Arguments> cases = new ArrayList<>();
		for (int[] line : TicTacToe.LINES) {
			cases.add(Arguments.of(Mark.X, line));
			cases.add(Arguments.of(Mark.O, line));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} wins on {1}")
	@MethodSource("everyLineForBothPlayers")
	void winsOnEveryLine(Mark winner, int[] line) {
		// The loser's marks go to cells off the line that do not themselves make a line.
		List<Integer> others = IntStream.range(0, 9).filter((cell) -> !contains(line, cell)).boxed().toList();
		List<Integer> loserCells = loserCells(others);
		TicTacToe game = TicTacToe.newGame();
		if (winner == Mark.O) {
			game = game.play(Mark.X, loserCells.get(0));
			loserCells = loserCells.subList(1, loserCells.size());
		}
		for (int i = 0; i < 3; i++) {
			assertThat(game.status()).isEqualTo(Status.IN_PROGRESS);
			game = game.play(winner, line[i]);
			if (i < 2) {
				game = game.play(winner.opponent(), loserCells.get(i));
			}
		}
		assertThat(game.status()).isEqualTo((winner == Mark.X) ? Status.X_WON : Status.O_WON);
		assertThat(game.isOver()).isTrue();
		assertThat(game.resigned()).isNull();
		for (int cell : line) {
			assertThat(game.cell(cell)).isEqualTo(winner);
		}
	}

	/** Three cells of {@code candidates} with no winning line among them (any two would do for X). */
	private static List<Integer> loserCells(List<Integer> candidates) {
		for (int a = 0; a < candidates.size(); a++) {
			for (int b = a + 1; b < candidates.size(); b++) {
				for (int c = b + 1; c < candidates.size(); c++) {
					int[] cells = { candidates.get(a), candidates.get(b), candidates.get(c) };
					if (TicTacToe.LINES.stream().noneMatch((line) -> sameCells(line, cells))) {
						return List.of(cells[0], cells[1], cells[2]);
					}
				}
			}
		}
		throw new AssertionError("No three cells without a line in " + candidates);
	}

	@Test
	void endsInADrawWhenTheBoardFillsWithoutALine() {
		// X O X / X O O / O X X
		TicTacToe game = play(0, 1, 2, 4, 3, 5, 7, 6, 8);

		assertThat(game.status()).isEqualTo(Status.DRAW);
		assertThat(game.isOver()).isTrue();
		assertThat(game.board()).isEqualTo("XOXXOOOXX");
	}

	@Test
	void aWinOnTheLastCellIsAWinNotADraw() {
		// X O X / O X O / O X X: X's fifth move fills the board and completes the diagonal.
		TicTacToe game = play(0, 1, 2, 3, 4, 5, 7, 6, 8);

		assertThat(game.board()).doesNotContain("-");
		assertThat(game.status()).isEqualTo(Status.X_WON);
	}

	@Test
	void startsEmptyWithXToMove() {
		TicTacToe game = TicTacToe.newGame();

		assertThat(game.board()).isEqualTo("---------");
		assertThat(game.toMove()).isEqualTo(Mark.X);
		assertThat(game.status()).isEqualTo(Status.IN_PROGRESS);
	}

	@Test
	void alternatesTurns() {
		TicTacToe game = TicTacToe.newGame().play(Mark.X, 4);

		assertThat(game.toMove()).isEqualTo(Mark.O);
		assertThat(game.play(Mark.O, 0).toMove()).isEqualTo(Mark.X);
		assertThat(game.board()).isEqualTo("----X----");
	}

	@Test
	void resigningGivesTheOpponentTheWinWhoeverIsToMove() {
		TicTacToe game = play(4);

		TicTacToe xResigns = game.resign(Mark.X);
		assertThat(xResigns.status()).isEqualTo(Status.O_WON);
		assertThat(xResigns.resigned()).isEqualTo(Mark.X);
		assertThat(xResigns.board()).isEqualTo("----X----");

		TicTacToe oResigns = game.resign(Mark.O);
		assertThat(oResigns.status()).isEqualTo(Status.X_WON);
		assertThat(oResigns.resigned()).isEqualTo(Mark.O);
	}

	@Test
	void forfeitingGivesTheOpponentTheWinWhoeverIsToMove() {
		TicTacToe game = play(4, 0);

		TicTacToe xForfeits = game.forfeit(Mark.X);
		assertThat(xForfeits.status()).isEqualTo(Status.O_WON);
		assertThat(xForfeits.forfeited()).isEqualTo(Mark.X);
		assertThat(xForfeits.resigned()).isNull();
		assertThat(xForfeits.board()).isEqualTo("O---X----");

		TicTacToe oForfeits = game.forfeit(Mark.O);
		assertThat(oForfeits.status()).isEqualTo(Status.X_WON);
		assertThat(oForfeits.forfeited()).isEqualTo(Mark.O);
		assertThat(oForfeits).isNotEqualTo(game.resign(Mark.O));
		assertThat(game.forfeited()).isNull();
		assertThat(game.status()).isEqualTo(Status.IN_PROGRESS);
	}

	@Test
	void rejectsAForfeitAfterTheGameEnded() {
		TicTacToe won = play(0, 3, 1, 4, 2);
		assertRejected(won, () -> won.forfeit(Mark.O), Violation.GAME_OVER);

		TicTacToe drawn = play(0, 1, 2, 4, 3, 5, 7, 6, 8);
		assertRejected(drawn, () -> drawn.forfeit(Mark.X), Violation.GAME_OVER);

		TicTacToe resigned = play(4).resign(Mark.O);
		assertRejected(resigned, () -> resigned.forfeit(Mark.X), Violation.GAME_OVER);

		TicTacToe forfeited = play(4).forfeit(Mark.X);
		assertRejected(forfeited, () -> forfeited.forfeit(Mark.O), Violation.GAME_OVER);
		assertRejected(forfeited, () -> forfeited.play(Mark.O, 0), Violation.GAME_OVER);
		assertRejected(forfeited, () -> forfeited.resign(Mark.O), Violation.GAME_OVER);
	}

	@Test
	void rejectsACellOutOfRange() {
		TicTacToe game = play(4);
		for (int cell : new int[] { -1, 9, 100, Integer.MIN_VALUE }) {
			assertRejected(game, () -> game.play(Mark.O, cell), Violation.OUT_OF_RANGE);
		}
	}

	@Test
	void rejectsATakenCellByEitherMark() {
		TicTacToe game = play(4, 0);

		assertRejected(game, () -> game.play(Mark.X, 4), Violation.CELL_TAKEN);
		assertRejected(game, () -> game.play(Mark.X, 0), Violation.CELL_TAKEN);
	}

	@Test
	void rejectsAMoveOutOfTurn() {
		TicTacToe fresh = TicTacToe.newGame();
		assertRejected(fresh, () -> fresh.play(Mark.O, 0), Violation.NOT_YOUR_TURN);

		TicTacToe afterX = play(4);
		assertRejected(afterX, () -> afterX.play(Mark.X, 0), Violation.NOT_YOUR_TURN);
	}

	@Test
	void rejectsMovesAndResignationsAfterAWin() {
		TicTacToe won = play(0, 3, 1, 4, 2);
		assertThat(won.status()).isEqualTo(Status.X_WON);

		assertRejected(won, () -> won.play(Mark.O, 8), Violation.GAME_OVER);
		assertRejected(won, () -> won.play(Mark.X, 8), Violation.GAME_OVER);
		assertRejected(won, () -> won.resign(Mark.O), Violation.GAME_OVER);
	}

	@Test
	void rejectsMovesAfterADrawAndAfterAResignation() {
		TicTacToe drawn = play(0, 1, 2, 4, 3, 5, 7, 6, 8);
		assertRejected(drawn, () -> drawn.play(Mark.O, 0), Violation.GAME_OVER);
		assertRejected(drawn, () -> drawn.resign(Mark.X), Violation.GAME_OVER);

		TicTacToe resigned = play(4).resign(Mark.O);
		assertRejected(resigned, () -> resigned.play(Mark.O, 0), Violation.GAME_OVER);
		assertRejected(resigned, () -> resigned.resign(Mark.X), Violation.GAME_OVER);
	}

	@Test
	void checksGameOverBeforeTurnAndTurnBeforeTheCell() {
		TicTacToe won = play(0, 3, 1, 4, 2);
		assertRejected(won, () -> won.play(Mark.X, 99), Violation.GAME_OVER);

		TicTacToe game = play(4);
		assertRejected(game, () -> game.play(Mark.X, 4), Violation.NOT_YOUR_TURN);
		assertRejected(game, () -> game.play(Mark.X, 99), Violation.NOT_YOUR_TURN);
	}

	/** X and O alternately, X first. */
	private static TicTacToe play(int... cells) {
		TicTacToe game = TicTacToe.newGame();
		for (int cell : cells) {
			game = game.play(game.toMove(), cell);
		}
		return game;
	}

	private static void assertRejected(TicTacToe game, Runnable move, Violation violation) {
		String board = game.board();
		Status status = game.status();
		Mark toMove = game.toMove();
		Mark resigned = game.resigned();
		Mark forfeited = game.forfeited();
		assertThatExceptionOfType(IllegalMoveException.class).isThrownBy(move::run)
			.satisfies((ex) -> assertThat(ex.violation()).isEqualTo(violation));
		assertThat(game.board()).isEqualTo(board);
		assertThat(game.status()).isEqualTo(status);
		assertThat(game.toMove()).isEqualTo(toMove);
		assertThat(game.resigned()).isEqualTo(resigned);
		assertThat(game.forfeited()).isEqualTo(forfeited);
	}

	private static boolean contains(int[] cells, int cell) {
		return IntStream.of(cells).anyMatch((c) -> c == cell);
	}

	private static boolean sameCells(int[] line, int[] cells) {
		return IntStream.of(cells).allMatch((cell) -> contains(line, cell));
	}

}
