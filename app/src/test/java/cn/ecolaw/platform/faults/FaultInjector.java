package cn.ecolaw.platform.faults;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.boot.test.context.TestComponent;

/**
 * A service-task bean ({@code ${faultInjector.run(execution)}}) that fails a planned number of times per case number
 * ({@link Integer#MAX_VALUE}: keeps failing), counting every attempt: the job executor's retries made visible.
 */
@TestComponent("faultInjector")
public class FaultInjector {

  static final String MESSAGE = "注入的故障：外部系统暂不可用";

  // Static: every cached IT context on the shared PostgreSQL runs a job executor and may acquire the job, so all
  // of them resolve this bean (PostgresIntegrationTest imports it) and count into the same plan.
  private static final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

  void plan(String caseNo, int failures) {
    failuresLeft.put(caseNo, failures);
  }

  int attempts(String caseNo) {
    return attempts.getOrDefault(caseNo, new AtomicInteger()).get();
  }

  public void run(DelegateExecution execution) {
    String caseNo = String.valueOf(execution.getVariable("caseNo"));
    attempts.computeIfAbsent(caseNo, k -> new AtomicInteger()).incrementAndGet();
    int left = failuresLeft.getOrDefault(caseNo, 0);
    if (left > 0) {
      failuresLeft.put(caseNo, left == Integer.MAX_VALUE ? left : left - 1);
      throw new IllegalStateException(MESSAGE);
    }
  }
}
