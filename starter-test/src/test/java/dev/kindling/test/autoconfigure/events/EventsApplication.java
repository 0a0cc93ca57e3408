package dev.kindling.test.autoconfigure.events;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application whose handler beans have no @OnMessage, @OnIq or @OnPresence method. */
@SpringBootApplication
class EventsApplication {

}
