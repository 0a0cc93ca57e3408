package dev.kindling.samples.feed;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** A live feed on the server's pubsub service; see docs/pubsub.md. */
@SpringBootApplication
@EnableConfigurationProperties(FeedProperties.class)
public class FeedBotApplication {

	public static void main(String[] args) {
		SpringApplication.run(FeedBotApplication.class, args);
	}

}
