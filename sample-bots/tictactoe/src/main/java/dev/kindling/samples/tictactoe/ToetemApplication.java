package dev.kindling.samples.tictactoe;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Toetem: a tic-tac-toe referee as an XMPP component. Players join a waiting list, start games
 * and move through IQs in {@code urn:kindling:toetem:0}; see docs/protocol/tictactoe.md.
 */
@SpringBootApplication
public class ToetemApplication {

	public static void main(String[] args) {
		SpringApplication.run(ToetemApplication.class, args);
	}

}
