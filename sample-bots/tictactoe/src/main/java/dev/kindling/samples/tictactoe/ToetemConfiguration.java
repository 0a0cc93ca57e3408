package dev.kindling.samples.tictactoe;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The referee's settings and its one timer thread (forfeits, closing rooms), stopped with the context. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ToetemProperties.class)
class ToetemConfiguration {

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService toetemTimer() {
		ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "toetem-timer");
			thread.setDaemon(true);
			return thread;
		});
		// A cancelled forfeit (the player came back) leaves the queue at once, not when it would have fired.
		timer.setRemoveOnCancelPolicy(true);
		return timer;
	}

}
