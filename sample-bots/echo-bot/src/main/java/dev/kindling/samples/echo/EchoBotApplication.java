package dev.kindling.samples.echo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A component that echoes every chat message sent to any address of its domain, and rolls dice.
 * Ping, software version, entity time and service discovery are answered by Kindling itself.
 */
@SpringBootApplication
public class EchoBotApplication {

	public static void main(String[] args) {
		SpringApplication.run(EchoBotApplication.class, args);
	}

}
