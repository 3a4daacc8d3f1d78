package cn.ecolaw.platform.workflow;

import java.util.function.Supplier;

/**
 * The explicit trusted scope of the platform's own engine calls made on behalf of a user from {@code /api} (starting
 * a case, an appraisal, a review...): those services check their input themselves (validators, unit checks) and then
 * start a process that has no start form or with variables a start form does not have. Inside {@link #run} the
 * engine door guard ({@code cn.ecolaw.platform.engine.EngineDoorGuard}) lets the calls through; the Camunda
 * authorizations of the user still apply. Everything else the user sends reaches the engine through the checked doors.
 */
public final class PlatformCall {

  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

  private PlatformCall() {}

  public static <T> T run(Supplier<T> call) {
    DEPTH.set(DEPTH.get() + 1);
    try {
      return call.get();
    } finally {
      int depth = DEPTH.get() - 1;
      if (depth == 0) {
        DEPTH.remove();
      } else {
        DEPTH.set(depth);
      }
    }
  }

  /** True while the current thread runs inside {@link #run}. */
  public static boolean active() {
    return DEPTH.get() > 0;
  }
}
