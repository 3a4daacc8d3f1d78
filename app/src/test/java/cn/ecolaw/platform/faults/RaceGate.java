package cn.ecolaw.platform.faults;

import cn.ecolaw.platform.workflow.TaskCompletionRule;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.boot.test.context.TestComponent;

/**
 * Makes a race certain: when armed, every completion of the gated tasks waits inside the engine's transaction (after
 * the task was read, before anything is written) until the other completion has arrived too, so that both users
 * really work on the same task at the same time. Unarmed it does nothing. The wait is bounded only as a safety net.
 */
@TestComponent
class RaceGate implements TaskCompletionRule {

  private final AtomicReference<CyclicBarrier> barrier = new AtomicReference<>();

  void arm(int parties) {
    barrier.set(new CyclicBarrier(parties));
  }

  void disarm() {
    barrier.set(null);
  }

  @Override
  public String processKey() {
    return "enforcement-case";
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of("Task_ApproveDecision", "Task_PrepareCourtApplication");
  }

  @Override
  public void check(DelegateTask task) {
    CyclicBarrier b = barrier.get();
    if (b == null) {
      return;
    }
    try {
      b.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (BrokenBarrierException | TimeoutException e) {
      // the other completion never got this far (it failed earlier): go on alone
    }
  }
}
