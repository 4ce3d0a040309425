// Run by tests/support/indexAnalyzer.ts with the Neo4j server's own classpath: for each line read,
// prints the words the full-text index's analyzer ('standard-no-stop-words', the one
// cypher/schema.cypher names) makes of it, as one JSON array of [word, Lucene type, start, end]
// per line (start and end in UTF-16 units of the line, as JavaScript counts).
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.neo4j.kernel.api.impl.fulltext.analyzer.providers.StandardNoStopWords;

public class IndexAnalyzer {
  public static void main(String[] args) throws Exception {
    Analyzer analyzer = new StandardNoStopWords().createAnalyzer();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      StringBuilder json = new StringBuilder("[");
      try (TokenStream tokens = analyzer.tokenStream("name", line)) {
        CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
        TypeAttribute type = tokens.addAttribute(TypeAttribute.class);
        OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
        tokens.reset();
        while (tokens.incrementToken()) {
          if (json.length() > 1) json.append(',');
          json.append('[').append(quote(term.toString())).append(',').append(quote(type.type()))
              .append(',').append(offset.startOffset()).append(',').append(offset.endOffset()).append(']');
        }
        tokens.end();
      }
      out.println(json.append(']'));
    }
    out.flush();
  }

  private static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') q.append('\\').append(c);
      else if (c < 0x20 || Character.isSurrogate(c)) q.append(String.format("\\u%04x", (int) c));
      else q.append(c);
    }
    return q.append('"').toString();
  }
}
