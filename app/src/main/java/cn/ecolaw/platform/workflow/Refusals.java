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

  /**
   * A refusal because the action was done already or is being done by someone else (a duplicate case number, a
   * second injunction for the case, a file drawn for review twice): {@code /api} and {@code /engine-rest} answer 409.
   */
  public static Conflict conflict(String code, String message) {
    return new Conflict("【" + code + "】" + message);
  }

  /** Keeps the status of the platform's refusal: 409 stays a conflict, everything else is a 400 refusal. */
  public static BadUserRequestException of(PlatformException e) {
    return e.getStatus() == 409 ? conflict(e.getCode(), e.getMessage()) : refuse(e.getCode(), e.getMessage());
  }

  /** HTTP status for a refusal found by {@link #find}: 409 for a {@link Conflict}, else 400. */
  public static int status(BadUserRequestException refusal) {
    return refusal instanceof Conflict ? 409 : 400;
  }

  /** A refusal that answers 409 (see {@link #conflict}). */
  public static final class Conflict extends BadUserRequestException {
    Conflict(String message) {
      super(message);
    }
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
