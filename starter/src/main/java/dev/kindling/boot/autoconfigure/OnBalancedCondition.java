package dev.kindling.boot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.kindling.replica.Balancing;

/**
 * Matches when {@code xmpp.component.balancing} is a balanced mode. A value that does not bind does
 * not match here; binding the properties then fails startup naming it.
 */
final class OnBalancedCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Balancing balancing;
		try {
			balancing = Binder.get(context.getEnvironment())
				.bind(XmppComponentProperties.PREFIX + ".balancing", Balancing.class)
				.orElse(Balancing.NONE);
		}
		catch (BindException ex) {
			return ConditionOutcome.noMatch("xmpp.component.balancing does not bind");
		}
		return balancing.isBalanced() ? ConditionOutcome.match("xmpp.component.balancing is " + balancing)
				: ConditionOutcome.noMatch("xmpp.component.balancing is none");
	}

}
