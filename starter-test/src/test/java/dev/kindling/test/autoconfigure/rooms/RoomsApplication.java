package dev.kindling.test.autoconfigure.rooms;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application of the room helper tests: one handler bean, {@link LobbyHandlers}. */
@SpringBootApplication
class RoomsApplication {

}
