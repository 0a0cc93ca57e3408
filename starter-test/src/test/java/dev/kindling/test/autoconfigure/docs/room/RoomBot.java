package dev.kindling.test.autoconfigure.docs.room;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;

/** A bot with the room command of docs/testing.md, copied from there. */
@SpringBootApplication
public class RoomBot {

    @Component
    static class RoomCommands {

        @OnMessage(type = MessageType.GROUPCHAT, body = "!ping")
        String ping() {
            return "pong";
        }
    }
}
