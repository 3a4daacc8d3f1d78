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

  /** The refusal in an exception's cause chain (the engine wraps those thrown by task listeners), or null. */
  public static BadUserRequestException findIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BadUserRequestException b && b.getMessage() != null && b.getMessage().startsWith("【")) {
        return b;
      }
    }
    return null;
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
