package dev.kindling.connection;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	@RepeatedTest(20)
	void eachDelayLiesBetweenHalfAndAllOfItsCeilingAndTheCeilingDoubles() {
		Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(60));
		long ceiling = 100;
		for (int attempt = 0; attempt < 10; attempt++) {
			long delay = backoff.next().toMillis();
			assertThat(delay).as("attempt %d", attempt).isBetween(ceiling / 2, ceiling);
			ceiling *= 2;
		}
		assertThat(backoff.failures()).isEqualTo(10);
	}

	@RepeatedTest(20)
	void delaysNeverShrinkWhileTheCeilingDoubles() {
		// The floor of attempt n+1 is the ceiling of attempt n, so jitter cannot reorder them.
		Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofSeconds(10));
		long previous = 0;
		for (int attempt = 0; attempt < 10; attempt++) {
			long delay = backoff.next().toMillis();
			assertThat(delay).isGreaterThanOrEqualTo(previous);
			previous = delay;
		}
	}

	@Test
	void isCappedAtTheMaximumForever() {
		Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
		for (int attempt = 0; attempt < 200; attempt++) {
			Duration delay = backoff.next();
			assertThat(delay).isLessThanOrEqualTo(Duration.ofSeconds(5));
			if (attempt >= 3) {
				assertThat(delay).as("attempt %d", attempt).isGreaterThanOrEqualTo(Duration.ofMillis(2500));
			}
		}
	}

	@Test
	void aHugeMinimumDoesNotOverflowPastTheCap() {
		Backoff backoff = new Backoff(Duration.ofDays(365), Duration.ofDays(400));
		for (int attempt = 0; attempt < 70; attempt++) {
			Duration delay = backoff.next();
			assertThat(delay).isPositive().isLessThanOrEqualTo(Duration.ofDays(400));
		}
	}

	@Test
	void resetStartsOverFromTheMinimum() {
		Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(60));
		for (int attempt = 0; attempt < 8; attempt++) {
			backoff.next();
		}
		assertThat(backoff.failures()).isEqualTo(8);

		backoff.reset();

		assertThat(backoff.failures()).isZero();
		assertThat(backoff.next().toMillis()).isBetween(50L, 100L);
		assertThat(backoff.next().toMillis()).isBetween(100L, 200L);
		assertThat(backoff.failures()).isEqualTo(2);
	}

	@Test
	void equalMinimumAndMaximumIsAlmostConstant() {
		Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(2));
		for (int attempt = 0; attempt < 10; attempt++) {
			assertThat(backoff.next().toMillis()).isBetween(1000L, 2000L);
		}
	}

}
