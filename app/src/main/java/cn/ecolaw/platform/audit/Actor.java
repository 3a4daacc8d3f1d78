package cn.ecolaw.platform.audit;

/** Who acted and from where: user id, the units (groups of type UNIT) the user belongs to, and the source. */
public record Actor(String userId, String unit, String source) {

  /** The user of timers and other engine work nobody started in a request. */
  public static final String SYSTEM = "system";
  /** An HTTP request without an authenticated principal. */
  public static final String ANONYMOUS = "anonymous";
}
