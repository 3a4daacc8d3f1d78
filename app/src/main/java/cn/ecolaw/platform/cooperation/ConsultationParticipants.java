package cn.ecolaw.platform.cooperation;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The invited units of a consultation for its model: {@code ${consultationParticipants.units(execution)}} is the
 * collection of the opinion tasks (one per unit), {@code ${consultationParticipants.groupOf(participantUnit)}} the
 * candidate group of each.
 */
@Component
public class ConsultationParticipants {

  private final Consultations consultations;

  public ConsultationParticipants(Consultations consultations) {
    this.consultations = consultations;
  }

  public List<String> units(DelegateExecution execution) {
    return consultations.participants(execution.getVariables());
  }

  public String groupOf(String unit) {
    return consultations.groupOf(unit);
  }
}
