package cn.ecolaw.platform.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docx4j.XmlUtils;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.Part;
import org.docx4j.openpackaging.parts.WordprocessingML.FooterPart;
import org.docx4j.openpackaging.parts.WordprocessingML.HeaderPart;
import org.docx4j.wml.Br;
import org.docx4j.wml.ContentAccessor;
import org.docx4j.wml.ObjectFactory;
import org.docx4j.wml.P;
import org.docx4j.wml.PPr;
import org.docx4j.wml.R;
import org.docx4j.wml.RPr;
import org.docx4j.wml.STBrType;
import org.docx4j.wml.Tc;
import org.docx4j.wml.Text;

/**
 * Replaces {@code ${key}} placeholders in a DOCX (body, tables, headers, footers) with plain text.
 * Placeholders may be split across runs (as Word does after editing); a value takes the formatting of the run
 * where its placeholder starts. Line breaks in a value start new paragraphs with the same paragraph formatting.
 * Values go into {@code w:t} elements through JAXB, so they can never inject markup.
 */
final class DocxFiller {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}");
  private static final char OPAQUE = '\uFFFC';
  private static final char LINE_BREAK = '\u000B';
  private static final char PAGE_BREAK = '\f';
  private static final ObjectFactory WML = new ObjectFactory();

  private final DocumentValues values;
  private final boolean reuseDetached;
  /** Formatting objects of replaced paragraphs already given to a new paragraph or run. */
  private final java.util.Set<Object> reused = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  DocxFiller(DocumentValues values) {
    this(values, true);
  }

  /**
   * {@code reuseDetached}: the paragraph and run properties of a replaced paragraph (which leaves the document) go to
   * the first new paragraph or run that takes them, and only further ones get copies; {@code false} copies each time
   * (a JAXB round trip per run, as before).
   */
  DocxFiller(DocumentValues values, boolean reuseDetached) {
    this.values = values;
    this.reuseDetached = reuseDetached;
  }

  void fill(WordprocessingMLPackage pkg) {
    fillContent(pkg.getMainDocumentPart().getContent(), true);
    for (Part part : pkg.getParts().getParts().values()) {
      if (part instanceof HeaderPart header) {
        fillContent(header.getContent(), false);
      } else if (part instanceof FooterPart footer) {
        fillContent(footer.getContent(), false);
      }
    }
  }

  private void fillContent(List<Object> content, boolean body) {
    for (int i = 0; i < content.size(); i++) {
      Object item = XmlUtils.unwrap(content.get(i));
      if (item instanceof P paragraph) {
        List<P> filled = fillParagraph(paragraph, body);
        if (filled != null) {
          content.remove(i);
          content.addAll(i, filled);
          i += filled.size() - 1;
        }
      } else if (item instanceof Tc cell) {
        fillContent(cell.getContent(), false);
      } else if (item instanceof ContentAccessor container) {
        fillContent(container.getContent(), false);
      }
    }
  }

  /** The paragraphs replacing {@code paragraph}, or null when it holds no placeholder. */
  private List<P> fillParagraph(P paragraph, boolean removableWhenEmpty) {
    List<Piece> pieces = pieces(paragraph);
    StringBuilder text = new StringBuilder();
    List<Integer> owner = new ArrayList<>();
    for (int p = 0; p < pieces.size(); p++) {
      text.append(pieces.get(p).text);
      for (int c = 0; c < pieces.get(p).text.length(); c++) {
        owner.add(p);
      }
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    if (!matcher.find()) {
      return null;
    }
    StringBuilder[] rebuilt = new StringBuilder[pieces.size()];
    for (int p = 0; p < rebuilt.length; p++) {
      rebuilt[p] = new StringBuilder();
    }
    StringBuilder literal = new StringBuilder();
    int position = 0;
    do {
      appendRange(text, owner, position, matcher.start(), rebuilt, literal);
      rebuilt[owner.get(matcher.start())].append(values.resolve(matcher.group(1)));
      position = matcher.end();
    } while (matcher.find());
    appendRange(text, owner, position, text.length(), rebuilt, literal);

    List<P> result = build(paragraph.getPPr(), pieces, rebuilt);
    boolean empty = result.size() == 1 && plainText(rebuilt).isBlank();
    if (removableWhenEmpty && empty && literal.toString().isBlank()) {
      return List.of();
    }
    return result;
  }

  private static void appendRange(
      CharSequence text, List<Integer> owner, int from, int to, StringBuilder[] rebuilt, StringBuilder literal) {
    for (int c = from; c < to; c++) {
      rebuilt[owner.get(c)].append(text.charAt(c));
      literal.append(text.charAt(c));
    }
  }

  private static String plainText(StringBuilder[] rebuilt) {
    StringBuilder all = new StringBuilder();
    for (StringBuilder piece : rebuilt) {
      all.append(piece);
    }
    return all.toString().replace(String.valueOf(OPAQUE), "x");
  }

  /** The runs of a paragraph as (formatting, text) pieces; non-text run content is kept as opaque pieces. */
  private static List<Piece> pieces(P paragraph) {
    List<Piece> pieces = new ArrayList<>();
    for (Object child : paragraph.getContent()) {
      Object item = XmlUtils.unwrap(child);
      if (!(item instanceof R run)) {
        continue;
      }
      StringBuilder text = new StringBuilder();
      for (Object runChild : run.getContent()) {
        Object element = XmlUtils.unwrap(runChild);
        if (element instanceof Text t) {
          text.append(t.getValue() == null ? "" : t.getValue());
        } else if (element instanceof R.Tab) {
          text.append('\t');
        } else if (element instanceof Br br) {
          text.append(br.getType() == STBrType.PAGE ? PAGE_BREAK : LINE_BREAK);
        } else {
          if (text.length() > 0) {
            pieces.add(new Piece(run.getRPr(), text.toString(), null));
            text.setLength(0);
          }
          pieces.add(new Piece(run.getRPr(), String.valueOf(OPAQUE), runChild));
        }
      }
      if (text.length() > 0) {
        pieces.add(new Piece(run.getRPr(), text.toString(), null));
      }
    }
    return pieces;
  }

  private List<P> build(PPr pPr, List<Piece> pieces, StringBuilder[] rebuilt) {
    List<P> paragraphs = new ArrayList<>();
    P current = newParagraph(pPr);
    paragraphs.add(current);
    for (int p = 0; p < pieces.size(); p++) {
      Piece piece = pieces.get(p);
      if (piece.opaque != null) {
        R run = newRun(piece.rPr);
        run.getContent().add(piece.opaque);
        current.getContent().add(run);
        continue;
      }
      String[] lines = rebuilt[p].toString().split("\n", -1);
      for (int l = 0; l < lines.length; l++) {
        if (l > 0) {
          current = newParagraph(pPr);
          paragraphs.add(current);
        }
        if (!lines[l].isEmpty()) {
          current.getContent().add(textRun(piece.rPr, lines[l]));
        }
      }
    }
    return paragraphs;
  }

  private P newParagraph(PPr pPr) {
    P paragraph = WML.createP();
    if (pPr != null) {
      paragraph.setPPr(own(pPr));
    }
    return paragraph;
  }

  private R newRun(RPr rPr) {
    R run = WML.createR();
    if (rPr != null) {
      run.setRPr(own(rPr));
    }
    return run;
  }

  /** The detached original the first time, a deep copy after: every new paragraph and run owns its properties. */
  private <T> T own(T properties) {
    if (reuseDetached && reused.add(properties)) {
      return properties;
    }
    return XmlUtils.deepCopy(properties);
  }

  private R textRun(RPr rPr, String line) {
    R run = newRun(rPr);
    StringBuilder chunk = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t' || c == LINE_BREAK || c == PAGE_BREAK) {
        addText(run, chunk);
        if (c == '\t') {
          run.getContent().add(WML.createRTab());
        } else {
          Br br = WML.createBr();
          if (c == PAGE_BREAK) {
            br.setType(STBrType.PAGE);
          }
          run.getContent().add(br);
        }
      } else {
        chunk.append(c);
      }
    }
    addText(run, chunk);
    return run;
  }

  private static void addText(R run, StringBuilder chunk) {
    if (chunk.length() == 0) {
      return;
    }
    Text text = WML.createText();
    text.setValue(chunk.toString());
    text.setSpace("preserve");
    run.getContent().add(WML.createRT(text));
    chunk.setLength(0);
  }

  private record Piece(RPr rPr, String text, Object opaque) {}

}
