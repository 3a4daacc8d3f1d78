package cn.ecolaw.platform.shared;

/**
 * The last coded refusal ("【CODE】中文…") the engine's door guard raised on this request's thread. Some of Camunda's
 * REST resources catch the engine's exception and answer a bare English 404 instead (deleting an attachment answers
 * "No attachment exists…" whatever the cause), so the refusal's code and Chinese message would be lost:
 * {@link RefusalTranslationFilter} answers with the refusal remembered here when the answer is an uncoded error.
 * Cleared at the start and the end of each request the filter sees.
 */
public final class SwallowedRefusals {

  /** A refusal: the HTTP status it answers with, the exception's type and its "【CODE】…" message. */
  public record Refusal(int status, String type, String message) {
    public String code() {
      int end = message.indexOf('】');
      return message.startsWith("【") && end > 1 ? message.substring(1, end) : null;
    }
  }

  private static final ThreadLocal<Refusal> LAST = new ThreadLocal<>();

  private SwallowedRefusals() {}

  /** Remembers a coded refusal raised on this thread (anything else is ignored). */
  public static void remember(int status, RuntimeException refusal) {
    String message = refusal.getMessage();
    if (message != null && message.startsWith("【") && message.indexOf('】') > 1) {
      LAST.set(new Refusal(status, refusal.getClass().getSimpleName(), message));
    }
  }

  /** The refusal remembered on this thread, or null. */
  public static Refusal last() {
    return LAST.get();
  }

  public static void clear() {
    LAST.remove();
  }
}
