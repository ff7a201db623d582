package org.frontline.extract.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.frontline.extract.ArticleText;
import org.frontline.extract.CasualtyFigure;
import org.frontline.extract.Extraction;
import org.frontline.extract.Statement;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes an extraction as one JSON line in the format {@code corpus/score.py} reads as predictions:
 * the gold file's field names, plus {@code name}, {@code people}, {@code organisations} and {@code places},
 * and for each figure and statement the rule or sieve that found it and its offsets in the article's full text.
 */
public final class ExtractionJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExtractionJson() {
    }

    /** One JSON object, without a line break, for the article named {@code name}. */
    public static String toJsonLine(String name, ArticleText article, Extraction extraction) {
        try {
            return MAPPER.writeValueAsString(toJson(name, article, extraction));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same object as {@link #toJsonLine}, as a tree. */
    public static ObjectNode toJson(String name, ArticleText article, Extraction extraction) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", name);
        root.put("language", extraction.language());
        root.put("published", article.published());
        ArrayNode casualties = root.putArray("casualties");
        for (CasualtyFigure figure : extraction.casualties()) {
            ObjectNode node = casualties.addObject();
            node.put("count", figure.count());
            node.put("outcome", figure.outcome());
            node.put("victims", figure.victims());
            node.put("party", figure.party());
            node.put("cumulative", figure.cumulative());
            node.put("approximate", figure.approximate());
            node.put("location", figure.location());
            node.put("evidence", figure.evidence());
            node.put("rule", figure.rule());
            node.put("start", figure.start());
            node.put("end", figure.end());
        }
        ArrayNode statements = root.putArray("statements");
        for (Statement statement : extraction.statements()) {
            ObjectNode node = statements.addObject();
            node.put("speaker", statement.speaker());
            strings(node.putArray("aliases"), statement.aliases());
            node.put("quote", statement.quote());
            node.put("sieve", statement.sieve());
            node.put("start", statement.start());
            node.put("end", statement.end());
        }
        strings(root.putArray("people"), extraction.people());
        strings(root.putArray("organisations"), extraction.organisations());
        strings(root.putArray("places"), extraction.places());
        return root;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
