package dev.kindling.replica;

import java.time.Duration;

import org.xmpp.packet.JID;

import dev.kindling.health.XmppHealthContributor;
import dev.kindling.health.XmppHealthReport;

/**
 * Adds the replica to the {@code xmpp} health: its instance, the balancing, its home and slot, and
 * its forwards. Down while it is still probing for its slot; up as a {@linkplain SlotState#SPARE spare}
 * (no slot, standing by), also while the connection stands by between a spare's retries.
 */
public final class ReplicaHealth implements XmppHealthContributor {

	private final Replica replica;

	public ReplicaHealth(Replica replica) {
		this.replica = replica;
	}

	@Override
	public boolean reportsWhileStandingBy() {
		return true;
	}

	@Override
	public void contribute(XmppHealthReport report) {
		report.detail("instance", this.replica.instance());
		report.detail("balancing", this.replica.balancing().ejabberdType());
		report.detail("slot", this.replica.state().name());
		JID home = this.replica.home();
		if (home != null) {
			report.detail("home", home.toString());
		}
		Duration probe = this.replica.lastProbeTime();
		if (probe != null) {
			report.detail("lastProbe", probe.toString());
		}
		report.detail("forwardedOut", this.replica.forwardedOut());
		report.detail("forwardedIn", this.replica.forwardedIn());
		SlotState state = this.replica.state();
		if (state == SlotState.SPARE) {
			// Up and ready: a spare is how the way back to a dead replica's slot is short, and a
			// rolling update must not wait for it to get a slot it will only get when one frees.
			report.detail("spare", "no slot is free; standing by to take the slot of a replica that leaves "
					+ "(if every replica should be active, raise ejabberd's component_number)");
		}
		else if (state == SlotState.PROBING) {
			report.down("probing: replica '" + this.replica.instance() + "' is looking for its slot");
		}
	}

}
