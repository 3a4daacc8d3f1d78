package cn.ecolaw.platform.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * What a clerk checks before signing a PDF, read back from the PDF's text (PDFBox): no line starts with closing
 * punctuation or ends with opening punctuation (禁则), no internal code (WATER_EXCEED, HEAVIER, a decision
 * definition id) and no English word reaches the party, no unfilled placeholder.
 */
final class PdfChecks {

  private static final Pattern PAGE_NUMBER = Pattern.compile("^—\\s*\\d+\\s*—$");
  private static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*[_-][A-Za-z0-9_-]+");
  private static final Pattern WORD = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{3,}(?![A-Za-z0-9])");

  private PdfChecks() {}

  /** The text lines of a PDF as PDFBox extracts them. */
  static List<String> lines(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> lines = new ArrayList<>();
      for (String line : new PDFTextStripper().getText(document).split("\\R")) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty()) {
          lines.add(trimmed);
        }
      }
      return lines;
    }
  }

  /** Everything that keeps this PDF from being signed, one Chinese sentence each; empty when fit. */
  static List<String> problems(byte[] pdf) throws Exception {
    List<String> problems = new ArrayList<>();
    for (String line : lines(pdf)) {
      if (PAGE_NUMBER.matcher(line).matches()) {
        continue;
      }
      if (line.matches("[—…]+")) { // a table cell whose whole value is a dash (nothing to report) is no line start
        continue;
      }
      if (DocxPdfRenderer.CLOSING.indexOf(line.charAt(0)) >= 0) {
        problems.add("行首出现点号或后括号：" + line);
      }
      if (DocxPdfRenderer.OPENING.indexOf(line.charAt(line.length() - 1)) >= 0) {
        problems.add("行尾出现前括号或前引号：" + line);
      }
      Matcher code = CODE.matcher(line);
      while (code.find()) {
        if (!code.group().matches("[A-Z]{1,3}-?\\d[\\d-]*|\\d.*|[0-9A-Z]{18}")) { // GB 4287-2012
          problems.add("出现内部代码：" + code.group() + "（" + line + "）");
        }
      }
      Matcher word = WORD.matcher(line);
      while (word.find()) {
        problems.add("出现英文词：" + word.group() + "（" + line + "）");
      }
      if (line.contains("${")) {
        problems.add("出现未填写的占位符：" + line);
      }
    }
    return problems;
  }
}
