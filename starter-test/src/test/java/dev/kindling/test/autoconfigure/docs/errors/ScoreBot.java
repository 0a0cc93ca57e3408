package dev.kindling.test.autoconfigure.docs.errors;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The bot of the "Errors" section of docs/handlers.md: its handlers, exceptions and advice are beside it. */
@SpringBootApplication
class ScoreBot {

}
