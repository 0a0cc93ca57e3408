package dev.kindling.replica;

import java.time.Duration;

import org.xmpp.packet.JID;

import dev.kindling.health.XmppHealthContributor;
import dev.kindling.health.XmppHealthReport;

/**
 * Adds the replica to the {@code xmpp} health: its instance, the balancing, its home and slot, and
 * its forwards. Down while it has no slot (it gets no traffic) and while it is still probing.
 */
public final class ReplicaHealth implements XmppHealthContributor {

	private final Replica replica;

	public ReplicaHealth(Replica replica) {
		this.replica = replica;
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
		if (state == SlotState.NO_SLOT) {
			report.down("no-slot: replica '" + this.replica.instance()
					+ "' gets no traffic; ejabberd's domain_balancing component_number is below the number of replicas");
		}
		else if (state == SlotState.PROBING) {
			report.down("probing: replica '" + this.replica.instance() + "' is looking for its slot");
		}
	}

}
