package dev.kindling.test.autoconfigure.docs.reconnect;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application of docs/testing.md's reconnect example: no handlers, one listener. */
@SpringBootApplication
public class ReconnectingBot {

}
