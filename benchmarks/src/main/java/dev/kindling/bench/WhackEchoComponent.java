package dev.kindling.bench;

import org.jivesoftware.whack.ExternalComponentManager;
import org.xmpp.component.AbstractComponent;
import org.xmpp.packet.Message;

/**
 * The baseline: an echo component written the way Whack 3.1 and Tinder 2.1 are meant to be used,
 * {@link AbstractComponent} with its defaults behind an {@link ExternalComponentManager}. Pings are
 * answered by {@code AbstractComponent} itself. Benchmark-only code.
 *
 * <p>Arguments: host port subdomain serverName secret. Runs until the process is ended.
 */
public final class WhackEchoComponent extends AbstractComponent {

	@Override
	public String getName() {
		return "echo";
	}

	@Override
	public String getDescription() {
		return "Whack echo baseline";
	}

	@Override
	protected void handleMessage(Message message) {
		Message reply = new Message();
		reply.setTo(message.getFrom());
		reply.setFrom(message.getTo());
		reply.setType(message.getType());
		reply.setID(message.getID());
		reply.setBody(message.getBody());
		send(reply);
	}

	public static void main(String[] args) throws Exception {
		ExternalComponentManager manager = new ExternalComponentManager(args[0], Integer.parseInt(args[1]), false);
		manager.setServerName(args[3]);
		manager.setSecretKey(args[2], args[4]);
		manager.addComponent(args[2], new WhackEchoComponent());
		// Whack's reader thread is a daemon and its pools start lazily: keep the JVM up until the runner ends it.
		Thread.currentThread().join();
	}

}
