package dev.kindling.builtin;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.jspecify.annotations.Nullable;

import dev.kindling.handler.IqType;
import dev.kindling.handler.OnIq;

/**
 * Answers XEP-0092 software version queries.
 */
public class SoftwareVersionHandler {

	public static final String NAMESPACE = "jabber:iq:version";

	private final String name;

	private final String version;

	private final @Nullable String os;

	/**
	 * @param os the operating system to announce, or {@code null} to keep it private
	 */
	public SoftwareVersionHandler(String name, String version, @Nullable String os) {
		this.name = name;
		this.version = version;
		this.os = os;
	}

	@OnIq(namespace = NAMESPACE, element = "query", type = IqType.GET)
	public Element version() {
		Element query = DocumentHelper.createElement(QName.get("query", NAMESPACE));
		query.addElement("name").setText(this.name);
		query.addElement("version").setText(this.version);
		if (this.os != null) {
			query.addElement("os").setText(this.os);
		}
		return query;
	}

}
