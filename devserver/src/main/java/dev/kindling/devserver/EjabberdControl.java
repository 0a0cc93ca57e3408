package dev.kindling.devserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hidden Erlang node that evaluates expressions for an {@link EjabberdServer}: started on the
 * first call and kept, so a call costs a round trip instead of a VM start (about 0.3 s). It reads
 * one expression a line from its standard input and answers one line on its standard output, both
 * Base64; it halts when its input closes, with {@link #close()} or when the JVM exits. Its
 * connection to the node comes back by itself after the node restarts. Calls are serialized.
 */
final class EjabberdControl implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EjabberdServer.class);

	private static final String REPLY = "KINDLING-REPLY ";

	private static final long TIMEOUT_SECONDS = 60;

	/**
	 * Reads a line, evaluates it, prints {@code KINDLING-REPLY ok|error <base64>}, again. The text
	 * after "ok" is the value printed with ~p; after "error", the exception and its stack.
	 */
	private static final String LOOP = """
			(fun Kindling__Loop() ->
			    case io:get_line("") of
			        Kindling__Line when is_list(Kindling__Line) ->
			            {Kindling__Status, Kindling__Text} =
			                try
			                    Kindling__Source = unicode:characters_to_list(base64:decode(string:trim(Kindling__Line))),
			                    {ok, Kindling__Tokens, _} = erl_scan:string(Kindling__Source ++ "."),
			                    {ok, Kindling__Exprs} = erl_parse:parse_exprs(Kindling__Tokens),
			                    {value, Kindling__Value, _} = erl_eval:exprs(Kindling__Exprs, erl_eval:new_bindings()),
			                    {ok, io_lib:format("~p", [Kindling__Value])}
			                catch Kindling__Class:Kindling__Reason:Kindling__Stack ->
			                    {error, io_lib:format("~p:~p~n~p", [Kindling__Class, Kindling__Reason, Kindling__Stack])}
			                end,
			            io:format("~s~s ~s~n", [%s, Kindling__Status,
			                base64:encode(unicode:characters_to_binary(Kindling__Text))]),
			            Kindling__Loop();
			        _ ->
			            erlang:halt(0)
			    end
			end)().
			""";

	private final EjabberdTools.Installation installation;

	private @Nullable Process process;

	private @Nullable OutputStream input;

	/** The distribution port and cookie the running control node connects with. */
	private @Nullable String connectsTo;

	private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

	/** The last lines that were not replies (warnings, crash output), for error messages. */
	private final Deque<String> noise = new ArrayDeque<>();

	EjabberdControl(EjabberdTools.Installation installation) {
		this.installation = installation;
	}

	/**
	 * Evaluates {@code expressions} (comma-separated, no final period) in the control node; the
	 * value of the last one as printed with {@code ~p}.
	 * @throws EjabberdException if an expression raises (with the error) or no answer comes
	 */
	synchronized String evaluate(EjabberdNode node, String expressions, String what) {
		Process running = ensureStarted(node);
		try {
			OutputStream out = this.input;
			out.write((Base64.getEncoder().encodeToString(expressions.getBytes(StandardCharsets.UTF_8)) + "\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String reply = this.replies.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			if (reply == null) {
				stop();
				throw new EjabberdException(what + " on " + node.name() + " did not finish within " + TIMEOUT_SECONDS
						+ " s" + noise());
			}
			int space = reply.indexOf(' ');
			String status = reply.substring(0, space);
			String text = new String(Base64.getDecoder().decode(reply.substring(space + 1).strip()),
					StandardCharsets.UTF_8);
			if (!status.equals("ok")) {
				throw new EjabberdException(what + " failed on " + node.name() + ": " + text);
			}
			return text;
		}
		catch (IOException ex) {
			stop();
			throw new EjabberdException(
					"Could not run " + what + " on " + node.name() + ": " + ex.getMessage() + exitNote(running), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			stop();
			throw new EjabberdException("Interrupted while running " + what + " on " + node.name());
		}
	}

	@Override
	public synchronized void close() {
		stop();
	}

	private Process ensureStarted(EjabberdNode node) {
		String target = node.distributionPort() + "/" + node.cookie();
		Process running = this.process;
		if (running != null && running.isAlive() && target.equals(this.connectsTo)) {
			return running;
		}
		stop();
		List<String> command = List.of(this.installation.erl().toString(), "-name",
				"kindling-ctl-" + EjabberdNode.randomId() + "@127.0.0.1", "-setcookie", node.cookie(), "-hidden",
				"-noshell", "-erl_epmd_port", Integer.toString(node.distributionPort()), "-start_epmd", "false",
				"-dist_listen", "false", "+sbwt", "none", "+sbwtdcpu", "none", "+sbwtdio", "none", "-eval",
				LOOP.formatted(EjabberdTools.erlangString(REPLY)));
		try {
			// No ERL_LIBS: this node only calls the other, whose code runs the expressions.
			Process started = new ProcessBuilder(command).redirectErrorStream(true).start();
			this.process = started;
			this.input = started.getOutputStream();
			this.connectsTo = target;
			this.replies.clear();
			BufferedReader output = new BufferedReader(
					new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8));
			Thread reader = new Thread(() -> read(output), "ejabberd-control-" + started.pid());
			reader.setDaemon(true);
			reader.start();
			logger.debug("Started control node for {} (pid {})", node.name(), started.pid());
			return started;
		}
		catch (IOException ex) {
			throw new EjabberdException("Could not run " + this.installation.erl() + ": " + ex.getMessage(), ex);
		}
	}

	private void read(BufferedReader output) {
		try {
			String line;
			while ((line = output.readLine()) != null) {
				if (line.startsWith(REPLY)) {
					this.replies.add(line.substring(REPLY.length()));
				}
				else {
					synchronized (this.noise) {
						this.noise.addLast(line);
						if (this.noise.size() > 20) {
							this.noise.removeFirst();
						}
					}
				}
			}
		}
		catch (IOException ex) {
			// The process ended.
		}
	}

	private String noise() {
		synchronized (this.noise) {
			return this.noise.isEmpty() ? "" : "; its output:\n" + String.join("\n", this.noise);
		}
	}

	private String exitNote(Process running) {
		return running.isAlive() ? "" : " (the control node exited with " + running.exitValue() + ")" + noise();
	}

	private void stop() {
		Process running = this.process;
		this.process = null;
		this.input = null;
		this.connectsTo = null;
		if (running != null) {
			running.destroyForcibly();
			ProsodyTools.waitFor(running, 10);
		}
	}

}
