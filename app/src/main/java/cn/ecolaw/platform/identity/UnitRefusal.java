package cn.ecolaw.platform.identity;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A refusal for unit isolation inside the engine: an {@link AuthorizationException}, so that the engine rolls the
 * command back (nothing is created) and {@code /engine-rest} and the webapps answer 403; {@code /api} answers 403 with
 * the code and the Chinese message ({@link AccessDeniedHandler}). The message reads "【CODE】message".
 */
public class UnitRefusal extends AuthorizationException {

  /** A process names a case that is another unit's and was not handed to the caller's unit. */
  public static final String OTHER_UNITS_CASE = "UNIT-001";
  /** A start in another unit's name (an appraisal "requestedBy COURT" by the bureau, an injunction in its name). */
  public static final String OTHER_UNITS_NAME = "UNIT-002";
  /** A bureau case number that is not registered: nobody may file into it before the bureau registers it. */
  public static final String UNREGISTERED_CASE = "UNIT-003";

  private final String code;
  private final String text;

  public UnitRefusal(String code, String text) {
    super("【" + code + "】" + text);
    this.code = code;
    this.text = text;
  }

  public String code() {
    return code;
  }

  public String text() {
    return text;
  }
}
