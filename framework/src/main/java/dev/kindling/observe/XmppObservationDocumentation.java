package dev.kindling.observe;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Kindling's observations and their keys. The names differ from the meters Kindling registers
 * itself ({@code xmpp.handler.duration}, {@code xmpp.requests}, …), so a Micrometer meter handler
 * adds timers beside them and changes none.
 */
public enum XmppObservationDocumentation implements ObservationDocumentation {

	/** One handler method invocation, from the call to its return or its future's completion. */
	HANDLER {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultHandlerObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return HandlerKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HandlerHighCardinalityKeys.values();
		}

	},

	/** One of the component's own IQ requests ({@code XmppTemplate.request}), until its answer, timeout or failure. */
	REQUEST {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultRequestObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return RequestKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return RequestHighCardinalityKeys.values();
		}

	};

	/** Low-cardinality keys of {@link #HANDLER}. */
	public enum HandlerKeys implements KeyName {

		/** The handler method, {@code Class.method(ParamType, …)}, as the {@code handler} tag of {@code xmpp.handler.duration}. */
		HANDLER {
			@Override
			public String asString() {
				return "handler";
			}
		},

		/** The stanza's element: {@code message}, {@code iq} or {@code presence}. */
		KIND {
			@Override
			public String asString() {
				return "kind";
			}
		},

		/** {@link HandlerOutcome#tagValue()}: {@code success}, {@code rejected}, {@code error}, {@code failure}. */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		}

	}

	/** High-cardinality keys of {@link #HANDLER}: read from the stanza's attributes, no parsing. */
	public enum HandlerHighCardinalityKeys implements KeyName {

		/** The sender's address as sent. */
		FROM {
			@Override
			public String asString() {
				return "xmpp.from";
			}
		}

	}

	/** Low-cardinality keys of {@link #REQUEST}. */
	public enum RequestKeys implements KeyName {

		/** {@code get} or {@code set}. */
		TYPE {
			@Override
			public String asString() {
				return "type";
			}
		},

		/** The namespace of the request's child element, such as {@code urn:xmpp:ping}. */
		NAMESPACE {
			@Override
			public String asString() {
				return "namespace";
			}
		},

		/** {@code result}, {@code error}, {@code timeout} or {@code not_sent}, as the {@code outcome} tag of {@code xmpp.requests}. */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		}

	}

	/** High-cardinality keys of {@link #REQUEST}. */
	public enum RequestHighCardinalityKeys implements KeyName {

		/** The address the request went to. */
		TO {
			@Override
			public String asString() {
				return "xmpp.to";
			}
		}

	}

}
