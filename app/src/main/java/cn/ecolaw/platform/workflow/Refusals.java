package cn.ecolaw.platform.workflow;

import cn.ecolaw.platform.shared.PlatformException;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Turns a domain refusal into the engine's {@link BadUserRequestException}: the engine rolls the whole command back
 * (nothing changes) and the REST API and the Tasklist answer 400 with the Chinese message, prefixed by its code.
 */
public final class Refusals {

  private Refusals() {}

  public static BadUserRequestException refuse(String code, String message) {
    return new BadUserRequestException("【" + code + "】" + message);
  }

  public static BadUserRequestException of(PlatformException e) {
    return refuse(e.getCode(), e.getMessage());
  }

  /**
   * The refusal behind an engine exception: the engine wraps what a task listener throws (ENGINE-03051), so the
   * cause chain is searched. Empty when the exception is not a refusal.
   */
  public static java.util.Optional<BadUserRequestException> find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BadUserRequestException b && b.getMessage() != null && b.getMessage().startsWith("【")) {
        return java.util.Optional.of(b);
      }
    }
    return java.util.Optional.empty();
  }

  /** Splits "【CODE】message" back into code and message; code is null when the text carries none. */
  public static String[] split(String text) {
    if (text != null && text.startsWith("【")) {
      int end = text.indexOf('】');
      if (end > 1) {
        return new String[] {text.substring(1, end), text.substring(end + 1)};
      }
    }
    return new String[] {null, text};
  }
}
