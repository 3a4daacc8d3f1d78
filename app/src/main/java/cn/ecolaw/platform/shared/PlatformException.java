package cn.ecolaw.platform.shared;

/**
 * A refusal the user can understand: a stable error code (e.g. {@code CASE-001}), a message in Chinese and
 * the HTTP status the API answers with. Thrown before anything is changed, so a refused request changes nothing.
 */
public class PlatformException extends RuntimeException {

  private final String code;
  private final int status;

  public PlatformException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public static PlatformException badRequest(String code, String message) {
    return new PlatformException(400, code, message);
  }

  public static PlatformException notFound(String code, String message) {
    return new PlatformException(404, code, message);
  }

  public static PlatformException conflict(String code, String message) {
    return new PlatformException(409, code, message);
  }

  public String getCode() {
    return code;
  }

  public int getStatus() {
    return status;
  }
}
