package dev.kindling.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SerialLanesTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ExecutorService pool = Executors.newFixedThreadPool(4);

	@AfterEach
	void shutdown() {
		this.pool.shutdownNow();
	}

	@Test
	void keepsPerKeyOrderAndNeverRunsOneKeyConcurrently() {
		SerialLanes lanes = new SerialLanes(this.pool, 20_000);
		int keys = 100;
		int tasks = 10_000;
		Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
		Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
		AtomicInteger overlaps = new AtomicInteger();
		for (int k = 0; k < keys; k++) {
			seen.put("key-" + k, Collections.synchronizedList(new ArrayList<>()));
			running.put("key-" + k, new AtomicBoolean());
		}
		for (int i = 0; i < tasks; i++) {
			String key = "key-" + (i % keys);
			int number = i;
			boolean accepted = lanes.offer(key, () -> {
				if (!running.get(key).compareAndSet(false, true)) {
					overlaps.incrementAndGet();
				}
				seen.get(key).add(number);
				running.get(key).set(false);
			});
			assertThat(accepted).isTrue();
		}
		await().atMost(WAIT).until(() -> lanes.queued() == 0 && lanes.activeLanes() == 0);
		assertThat(overlaps).hasValue(0);
		for (int k = 0; k < keys; k++) {
			List<Integer> expected = new ArrayList<>();
			for (int i = k; i < tasks; i += keys) {
				expected.add(i);
			}
			assertThat(seen.get("key-" + k)).as("order of key-%d", k).containsExactlyElementsOf(expected);
		}
	}

	@Test
	void aBlockedKeyDoesNotBlockAnother() throws InterruptedException {
		SerialLanes lanes = new SerialLanes(this.pool, 100);
		CountDownLatch aStarted = new CountDownLatch(1);
		CountDownLatch releaseA = new CountDownLatch(1);
		CountDownLatch bRan = new CountDownLatch(1);
		AtomicBoolean secondARan = new AtomicBoolean();
		lanes.offer("a", () -> {
			aStarted.countDown();
			awaitQuietly(releaseA);
		});
		lanes.offer("a", () -> secondARan.set(true));
		assertThat(aStarted.await(10, TimeUnit.SECONDS)).isTrue();

		lanes.offer("b", bRan::countDown);

		assertThat(bRan.await(10, TimeUnit.SECONDS)).as("b ran while a was blocked").isTrue();
		assertThat(secondARan).as("a's second task waits behind its first").isFalse();
		assertThat(lanes.activeLanes()).isGreaterThanOrEqualTo(1);
		releaseA.countDown();
		await().atMost(WAIT).untilTrue(secondARan);
		await().atMost(WAIT).until(() -> lanes.activeLanes() == 0);
	}

	@Test
	void refusesBeyondCapacityAndRecoversOnceTasksComplete() throws InterruptedException {
		SerialLanes lanes = new SerialLanes(this.pool, 2);
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger ran = new AtomicInteger();
		assertThat(lanes.offer("a", () -> {
			started.countDown();
			awaitQuietly(release);
			ran.incrementAndGet();
		})).isTrue();
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(lanes.offer("b", ran::incrementAndGet)).isTrue();
		await().atMost(WAIT).until(() -> lanes.queued() == 1);

		assertThat(lanes.offer("a", ran::incrementAndGet)).isTrue();
		assertThat(lanes.queued()).isEqualTo(2);
		assertThat(lanes.offer("c", ran::incrementAndGet)).as("third task over capacity 2").isFalse();
		assertThat(lanes.offer("a", ran::incrementAndGet)).isFalse();
		assertThat(lanes.queued()).as("refused offers are not counted").isEqualTo(2);

		release.countDown();
		await().atMost(WAIT).until(() -> lanes.queued() == 0 && lanes.activeLanes() == 0);
		assertThat(ran).as("b, then a's two tasks; nothing refused ran").hasValue(3);

		assertThat(lanes.offer("c", ran::incrementAndGet)).isTrue();
		assertThat(lanes.offer("d", ran::incrementAndGet)).isTrue();
		await().atMost(WAIT).until(() -> ran.get() == 5);
	}

	@Test
	void aThrowingTaskDoesNotStopItsLane() {
		SerialLanes lanes = new SerialLanes(this.pool, 100);
		List<String> ran = Collections.synchronizedList(new ArrayList<>());
		lanes.offer("a", () -> ran.add("first"));
		lanes.offer("a", () -> {
			throw new IllegalStateException("boom");
		});
		lanes.offer("a", () -> {
			throw new AssertionError("an Error, too");
		});
		lanes.offer("a", () -> ran.add("last"));
		await().atMost(WAIT).until(() -> lanes.queued() == 0 && lanes.activeLanes() == 0);
		assertThat(ran).containsExactly("first", "last");
	}

	@Test
	void removesLanesOnceTheyRunDry() throws InterruptedException {
		SerialLanes lanes = new SerialLanes(this.pool, 1000);
		CountDownLatch release = new CountDownLatch(1);
		for (int k = 0; k < 3; k++) {
			lanes.offer("key-" + k, () -> awaitQuietly(release));
		}
		assertThat(lanes.activeLanes()).isEqualTo(3);
		assertThat(lanes.queued()).isEqualTo(3);
		release.countDown();
		await().atMost(WAIT).until(() -> lanes.activeLanes() == 0);
		assertThat(lanes.queued()).isZero();

		// A key whose lane was removed gets a fresh one and runs again.
		CountDownLatch again = new CountDownLatch(1);
		lanes.offer("key-0", again::countDown);
		assertThat(again.await(10, TimeUnit.SECONDS)).isTrue();
		await().atMost(WAIT).until(() -> lanes.activeLanes() == 0);
	}

	@Test
	void aLongLaneYieldsToOtherKeys() throws InterruptedException {
		ExecutorService single = Executors.newSingleThreadExecutor();
		try {
			SerialLanes lanes = new SerialLanes(single, 10_000);
			CountDownLatch hold = new CountDownLatch(1);
			List<String> order = Collections.synchronizedList(new ArrayList<>());
			// Hold the only thread so that both lanes are queued before anything runs.
			lanes.offer("gate", () -> awaitQuietly(hold));
			for (int i = 0; i < 200; i++) {
				int n = i;
				lanes.offer("busy", () -> order.add("busy-" + n));
			}
			lanes.offer("other", () -> order.add("other"));
			hold.countDown();
			await().atMost(WAIT).until(() -> lanes.queued() == 0 && lanes.activeLanes() == 0);
			assertThat(order).hasSize(201);
			assertThat(order.indexOf("other")).as("the other key ran before the busy lane's 200 tasks were done")
				.isLessThan(200);
		}
		finally {
			single.shutdownNow();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
