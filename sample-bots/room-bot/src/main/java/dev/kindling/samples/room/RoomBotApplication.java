package dev.kindling.samples.room;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bot that lives in chat rooms. */
@SpringBootApplication
public class RoomBotApplication {

	public static void main(String[] args) {
		SpringApplication.run(RoomBotApplication.class, args);
	}

}
