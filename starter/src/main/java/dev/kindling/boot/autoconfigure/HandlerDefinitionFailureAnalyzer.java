package dev.kindling.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.kindling.handler.HandlerDefinitionException;

/**
 * A handler declared in a way Kindling cannot honour fails startup with Boot's "APPLICATION FAILED
 * TO START" block: the message, which names the method and what is wrong with it, and where the
 * rules are written down, instead of a stack trace.
 */
class HandlerDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<HandlerDefinitionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, HandlerDefinitionException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Change the handler method named above. The mapping annotations, what a handler may take and return,"
						+ " and how handlers rank are described in Kindling's docs/handlers.md; chat commands in docs/commands.md.",
				cause);
	}

}
