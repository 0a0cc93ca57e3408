package dev.kindling.payload;

import java.io.StringReader;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;
import org.dom4j.io.SAXReader;
import org.jspecify.annotations.Nullable;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketExtension;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * Converts between {@link XmppPayload @XmppPayload} types and dom4j elements with Jackson's XML
 * data format. Each (namespace, element) pair belongs to one type: declaring a second type for it
 * is an error, so an inbound element always binds the same way. Thread-safe.
 */
public final class PayloadMapper {

	/** The record component an element's text content binds to. */
	public static final String TEXT = "text";

	private final XmlMapper mapper;

	private final Map<Class<?>, Binding> byType = new ConcurrentHashMap<>();

	private final Map<QName, Binding> byName = new ConcurrentHashMap<>();

	/**
	 * One reader per thread, reused: {@code DocumentHelper.parseText} builds a new SAX parser per
	 * call, a JAXP service lookup through every jar on the classpath under a lock, which was most of
	 * a payload-heavy handler's time (docs/performance.md, Toetem).
	 */
	private final ThreadLocal<SAXReader> readers = ThreadLocal.withInitial(SAXReader::createDefault);

	/**
	 * With a mapper of the application's own (modules, naming strategy); {@link #withDefaults()}
	 * gives Kindling's.
	 */
	public PayloadMapper(XmlMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * A mapper with Kindling's Jackson settings: {@code null} values left out, unknown attributes
	 * and elements ignored, text content bound to a component named {@value #TEXT}.
	 */
	public static PayloadMapper withDefaults() {
		return new PayloadMapper(XmlMapper.builder()
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			// Peers extend payloads; a newer peer's extra attribute must not break an older bot.
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			// Text content binds to a record component named "text" (with @JacksonXmlText for writing).
			.nameForTextElement(TEXT)
			.build());
	}

	/** A mapper with Kindling's settings that knows the given types up front. */
	public static PayloadMapper of(Collection<Class<?>> types) {
		PayloadMapper mapper = withDefaults();
		types.forEach(mapper::register);
		return mapper;
	}

	/**
	 * Declare a payload type; types are also registered on first use.
	 * @throws PayloadBindingException when it lacks {@code @XmppPayload} or its element belongs to
	 * another type
	 */
	public void register(Class<?> type) {
		binding(type);
	}

	/** Whether the type carries {@link XmppPayload @XmppPayload}. */
	public static boolean isPayloadType(Class<?> type) {
		return type.isAnnotationPresent(XmppPayload.class);
	}

	/** The qualified name of a payload type's element. */
	public QName elementName(Class<?> type) {
		return binding(type).name();
	}

	/** Every type registered so far. */
	public List<Class<?>> types() {
		return List.copyOf(this.byType.keySet());
	}

	/** The type registered for an element's name, if any. */
	public Optional<Class<?>> typeOf(QName name) {
		return Optional.ofNullable(this.byName.get(name)).map(Binding::type);
	}

	/** A new element in the payload's namespace (nested elements included). */
	public Element toElement(Object payload) {
		Binding binding = binding(payload.getClass());
		String xml;
		try {
			xml = binding.writer().writeValueAsString(payload);
		}
		catch (JacksonException ex) {
			throw new PayloadBindingException("Cannot write " + payload.getClass().getName() + " as XML: " + ex.getOriginalMessage(), ex);
		}
		try {
			Document document = this.readers.get().read(new StringReader(xml));
			Element root = document.getRootElement();
			root.detach();
			inNamespace(root, binding.name().getNamespace());
			return root;
		}
		catch (DocumentException ex) {
			throw new PayloadBindingException("Jackson wrote XML that does not parse: " + xml, ex);
		}
	}

	/** The payload as a Tinder extension, e.g. for {@link Message#addExtension}. */
	public PacketExtension toExtension(Object payload) {
		return new PacketExtension(toElement(payload));
	}

	/**
	 * Bind an element to a type.
	 * @throws PayloadBindingException when the element is not the type's or does not fit it
	 */
	public <T> T fromElement(Element element, Class<T> type) {
		Binding binding = binding(type);
		if (!binding.name().equals(element.getQName())) {
			throw new PayloadBindingException("Expected <" + binding.name().getName() + " xmlns='"
					+ binding.name().getNamespaceURI() + "'> for " + type.getSimpleName() + " but got <" + element.getName()
					+ " xmlns='" + element.getNamespaceURI() + "'>");
		}
		try {
			return type.cast(binding.reader().readValue(element.asXML()));
		}
		catch (JacksonException ex) {
			throw new PayloadBindingException("<" + element.getName() + " xmlns='" + element.getNamespaceURI()
					+ "'> does not fit " + type.getSimpleName() + ": " + ex.getOriginalMessage(), ex);
		}
	}

	/** The message's extension of the type, or {@code null} when the message has none. */
	public <T> @Nullable T fromMessage(Message message, Class<T> type) {
		QName name = elementName(type);
		Element element = message.getChildElement(name.getName(), name.getNamespaceURI());
		return (element != null) ? fromElement(element, type) : null;
	}

	private Binding binding(Class<?> type) {
		Binding existing = this.byType.get(type);
		if (existing != null) {
			return existing;
		}
		XmppPayload declaration = type.getAnnotation(XmppPayload.class);
		if (declaration == null) {
			throw new PayloadBindingException(type.getName() + " is not annotated with @XmppPayload");
		}
		if (declaration.namespace().isBlank() || declaration.element().isBlank()) {
			throw new PayloadBindingException("@XmppPayload on " + type.getName() + " needs a namespace and an element name");
		}
		QName name = QName.get(declaration.element(), declaration.namespace());
		Binding binding = new Binding(type, name, this.mapper.writer().withRootName(declaration.element()),
				this.mapper.readerFor(type));
		synchronized (this) {
			Binding owner = this.byName.putIfAbsent(name, binding);
			if (owner != null && owner.type() != type) {
				throw new PayloadBindingException("<" + name.getName() + " xmlns='" + name.getNamespaceURI()
						+ "'> is declared by both " + owner.type().getName() + " and " + type.getName());
			}
			Binding registered = (owner != null) ? owner : binding;
			this.byType.putIfAbsent(type, registered);
			return registered;
		}
	}

	/** Jackson writes no namespaces: move the unqualified elements into the payload's. */
	private static void inNamespace(Element element, Namespace namespace) {
		if (element.getNamespaceURI().isEmpty()) {
			element.setQName(QName.get(element.getName(), namespace));
		}
		for (Element child : element.elements()) {
			inNamespace(child, namespace);
		}
	}

	private record Binding(Class<?> type, QName name, ObjectWriter writer, ObjectReader reader) {
	}

}
