package org.frontline.producer.source;

import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns the HTML of a feed item into plain text that keeps its paragraphs: block elements become blank
 * lines and {@code <br>} a line break, since the extractor works per paragraph and sentence.
 */
final class FeedText {

    /** Elements that start and end a paragraph of their own. */
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "caption",
            "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
            "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
            "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul");
    /** Elements whose content is not text a reader sees. */
    private static final Set<String> HIDDEN = Set.of("script", "style", "noscript", "template", "iframe",
            "object", "svg", "head");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\u00A0\\u2007\\u202F]+");
    private static final Pattern LINE_EDGES = Pattern.compile("(?m)^ +| +$");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\r\\n?");

    private FeedText() {
    }

    /** The text of an HTML fragment, paragraphs separated by a blank line; empty when it has none. */
    static String fromHtml(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        StringBuilder text = new StringBuilder(html.length());
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    if (!hidden(textNode)) {
                        text.append(textNode.text());
                    }
                } else if (node instanceof Element element) {
                    if ("br".equals(element.normalName())) {
                        text.append('\n');
                    } else if (BLOCKS.contains(element.normalName())) {
                        text.append("\n\n");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append("\n\n");
                }
            }
        }, Jsoup.parseBodyFragment(html).body());
        return tidy(text.toString());
    }

    /** Plain text (an Atom {@code type="text"} construct): only its white space is tidied. */
    static String fromPlain(String plain) {
        return plain == null ? "" : tidy(LINE_BREAKS.matcher(plain).replaceAll("\n"));
    }

    /** A one-line text, such as a title, that may carry markup or entities; null when it has no text. */
    static String inline(String value) {
        if (value == null) {
            return null;
        }
        String text = SPACES.matcher(Jsoup.parseBodyFragment(value).text()).replaceAll(" ").strip();
        return text.isEmpty() ? null : text;
    }

    private static boolean hidden(TextNode node) {
        for (Node parent = node.parentNode(); parent != null; parent = parent.parentNode()) {
            if (parent instanceof Element element && HIDDEN.contains(element.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static String tidy(String text) {
        String spaced = SPACES.matcher(text).replaceAll(" ");
        String trimmed = LINE_EDGES.matcher(spaced).replaceAll("");
        return BLANK_LINES.matcher(trimmed).replaceAll("\n\n").strip();
    }
}
