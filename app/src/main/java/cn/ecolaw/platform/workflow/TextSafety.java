package cn.ecolaw.platform.workflow;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refuses free text that carries markup, script or database commands, or invisible control characters. Case texts
 * are printed into documents, shown in the Tasklist and Cockpit and exported; such fragments never belong in a
 * statement of facts, so they are refused (FORM-009, FORM-010) rather than silently stored.
 *
 * <p>Ordinary Chinese legal text must pass: book-title marks 《》, quotes “” and '', full-width and ASCII
 * parentheses and semicolons, "pH<6", "COD<100mg/L", URLs of the ministry, and English words such as "select" or
 * "update" in a sentence. Only patterns that have no reading in a legal text are refused: an HTML tag or event
 * handler, a {@code javascript:} address, a statement after an ASCII semicolon ({@code ; DROP ...}),
 * {@code UNION SELECT}, a quote followed by a tautology ({@code ' OR '1'='1}) or a comment ({@code '--}).
 */
public final class TextSafety {

  /** What is wrong with a text: the refusal code and the Chinese message naming the field. */
  public record Finding(String code, String message) {}

  public static final String SCRIPT_CODE = "FORM-009";
  public static final String CONTROL_CODE = "FORM-010";

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final List<Pattern> SCRIPT = List.of(
      // an HTML/XML tag: <script>, </div>, <img src=x onerror=...>, <svg/onload=...>, <!-- -->, <?php
      Pattern.compile("<\\s*/?\\s*[a-z][a-z0-9:-]*(\\s|/|>)[^<]*", FLAGS),
      Pattern.compile("<\\s*[!?]", FLAGS),
      // an event handler attribute outside a tag: onerror=, onload =
      Pattern.compile("\\bon[a-z]{3,20}\\s*=\\s*[\"'`]?[a-z(]", FLAGS),
      Pattern.compile("\\b(java|vb)script\\s*:", FLAGS),
      Pattern.compile("\\bdata\\s*:\\s*text/html", FLAGS),
      Pattern.compile("&#x?0*3c;?", FLAGS),
      // SQL: a statement after an ASCII semicolon, UNION SELECT, quote-tautology, quote-comment, DROP TABLE
      Pattern.compile(";\\s*(drop|delete|truncate|alter|insert|update|create|exec|execute|grant|revoke|shutdown|select)"
          + "\\s", FLAGS),
      Pattern.compile("\\bunion(\\s+all|\\s+distinct)?\\s+select\\b", FLAGS),
      Pattern.compile("['\"`]\\s*\\)?\\s*(or|and)\\s+['\"`]?\\w+['\"`]?\\s*(=|<>|!=|like)\\s*['\"`]?\\w*", FLAGS),
      Pattern.compile("['\"`]\\s*\\)?\\s*;?\\s*(--|/\\*)", FLAGS),
      Pattern.compile("\\b(drop|truncate|alter)\\s+(table|database|schema)\\b", FLAGS),
      Pattern.compile("\\b(pg_sleep|xp_cmdshell|load_file|dbms_pipe\\.receive_message)\\s*\\(", FLAGS),
      Pattern.compile("\\bwaitfor\\s+delay\\b", FLAGS));

  private TextSafety() {}

  /** Empty when the text may be stored; else the refusal for the field with this label. */
  public static Optional<Finding> inspect(String label, String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    if (hasControlCharacter(text)) {
      return Optional.of(new Finding(CONTROL_CODE, "“" + label + "”含有不允许的控制字符"));
    }
    for (Pattern p : SCRIPT) {
      if (p.matcher(text).find()) {
        return Optional.of(new Finding(SCRIPT_CODE, "“" + label + "”含有不允许的脚本或数据库指令片段，请删除后重新提交"));
      }
    }
    return Optional.empty();
  }

  /** C0/C1 controls other than tab, line feed and carriage return, and the invisible bidi overrides. */
  static boolean hasControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r') {
        continue;
      }
      if (Character.getType(c) == Character.CONTROL || (c >= '\u202a' && c <= '\u202e')
          || (c >= '\u2066' && c <= '\u2069') || c == '\ufeff') {
        return true;
      }
    }
    return false;
  }
}
