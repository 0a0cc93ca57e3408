package dev.kindling.boot.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;

import dev.kindling.test.XmppTestClient;

/**
 * Clients that each send a chat to the echo bot every few milliseconds and remember what became
 * of every one: answered (its echo came back), errored (an error came back, from the bot or from
 * the server) or lost (nothing came back).
 */
final class SteadyLoad implements AutoCloseable {

	private final List<XmppTestClient> clients;

	private final String to;

	private final long periodNanos;

	private final Map<String, Sent> sent = new ConcurrentHashMap<>();

	private final List<Thread> senders = new ArrayList<>();

	private final AtomicBoolean running = new AtomicBoolean();

	SteadyLoad(List<XmppTestClient> clients, String to, Duration period) {
		this.clients = clients;
		this.to = to;
		this.periodNanos = period.toNanos();
		for (XmppTestClient client : clients) {
			client.connection().addSyncStanzaListener((stanza) -> record((Message) stanza), StanzaTypeFilter.MESSAGE);
		}
	}

	private void record(Message message) {
		if (message.getType() == Message.Type.error) {
			Sent original = this.sent.get(message.getStanzaId());
			if (original != null) {
				original.error = message.getError();
				original.answeredAt = System.nanoTime();
			}
		}
		else if (message.getBody() != null) {
			Sent original = this.sent.get(message.getBody());
			if (original != null) {
				original.answered = true;
				original.answeredAt = System.nanoTime();
			}
		}
	}

	void start() {
		this.running.set(true);
		for (int i = 0; i < this.clients.size(); i++) {
			XmppTestClient client = this.clients.get(i);
			String prefix = "c" + i + "-";
			Thread thread = new Thread(() -> send(client, prefix), "load-" + i);
			thread.setDaemon(true);
			this.senders.add(thread);
			thread.start();
		}
	}

	private void send(XmppTestClient client, String prefix) {
		long next = System.nanoTime();
		for (int n = 0; this.running.get(); n++) {
			String key = prefix + n;
			Message message = client.connection()
				.getStanzaFactory()
				.buildMessageStanza()
				.to(XmppTestClient.jid(this.to))
				.ofType(Message.Type.chat)
				.setBody(key)
				.build();
			Sent record = new Sent(System.nanoTime());
			// Errors come back with the id, echoes with the body.
			this.sent.put(key, record);
			this.sent.put(message.getStanzaId(), record);
			client.send(message);
			next += this.periodNanos;
			LockSupport.parkNanos(next - System.nanoTime());
		}
	}

	/** Stop sending; what was sent can still be answered. */
	void stop() {
		this.running.set(false);
		for (Thread thread : this.senders) {
			try {
				thread.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Each message once (it is in the map under its body and its id). */
	private List<Sent> messages() {
		return this.sent.values().stream().distinct().sorted((a, b) -> Long.compare(a.sentAt, b.sentAt)).toList();
	}

	Figures figures() {
		List<Sent> all = messages();
		int answered = 0;
		int errored = 0;
		int waitErrors = 0;
		int lost = 0;
		long longestGap = 0;
		long lastAnswered = -1;
		long longestWait = 0;
		for (Sent message : all) {
			if (message.answered) {
				answered++;
				longestWait = Math.max(longestWait, message.answeredAt - message.sentAt);
				if (lastAnswered >= 0) {
					longestGap = Math.max(longestGap, message.sentAt - lastAnswered);
				}
				lastAnswered = message.sentAt;
			}
			else if (message.error != null) {
				errored++;
				if (message.error.getType() == StanzaError.Type.WAIT) {
					waitErrors++;
				}
			}
			else {
				lost++;
			}
		}
		return new Figures(all.size(), answered, errored, waitErrors, lost, Duration.ofNanos(longestGap),
				Duration.ofNanos(longestWait));
	}

	/** Wait up to {@code timeout} until every message sent has been answered or errored; returns whether it was. */
	boolean awaitSettled(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!settled()) {
			if (System.nanoTime() - deadline > 0) {
				return false;
			}
			LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
		}
		return true;
	}

	/** Whether every message sent has been answered or errored. */
	boolean settled() {
		return messages().stream().allMatch((message) -> message.answered || message.error != null);
	}

	@Override
	public void close() {
		stop();
	}

	private static final class Sent {

		final long sentAt;

		volatile boolean answered;

		volatile StanzaError error;

		volatile long answeredAt;

		Sent(long sentAt) {
			this.sentAt = sentAt;
		}

	}

	/**
	 * @param sent messages sent
	 * @param answered echoed back
	 * @param errored answered with an error
	 * @param waitErrors of those, errors of type wait (try again)
	 * @param lost neither
	 * @param gap the longest time between the sending of two messages that were answered with no
	 * answered one in between: how long senders were not served
	 * @param longestWait the longest time from sending a message to its answer: where nothing is
	 * refused (a hold), the gap shows up here instead
	 */
	record Figures(int sent, int answered, int errored, int waitErrors, int lost, Duration gap, Duration longestWait) {

		@Override
		public String toString() {
			return "sent " + this.sent + ", answered " + this.answered + ", errored " + this.errored + " (" + this.waitErrors
					+ " of type wait), lost " + this.lost + ", gap " + this.gap.toMillis() + " ms, longest wait for an answer "
					+ this.longestWait.toMillis() + " ms";
		}

	}

}
