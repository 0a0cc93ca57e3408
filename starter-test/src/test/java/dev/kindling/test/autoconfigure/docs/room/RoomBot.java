package dev.kindling.test.autoconfigure.docs.room;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The room bot of docs/testing.md; its handler is {@link RoomCommands}. */
@SpringBootApplication
public class RoomBot {

}
