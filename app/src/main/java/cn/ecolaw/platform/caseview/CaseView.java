package cn.ecolaw.platform.caseview;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A case as a clerk reads it: who, what, where it stands, what is due and by when, and what was decided. */
public record CaseView(
    String caseNo,
    String processInstanceId,
    Party party,
    String region,
    String domain,
    String domainLabel,
    String violationType,
    String violationTypeLabel,
    String clueSource,
    String facts,
    String status,
    String statusLabel,
    boolean active,
    String outcome,
    String outcomeLabel,
    Instant createdAt,
    List<TaskView> currentTasks,
    List<Deadline> deadlines,
    Map<String, Object> penalty,
    Map<String, Object> discretion,
    List<RelatedProcess> relatedProcesses,
    String documentsUrl,
    List<IncidentView> incidents) {

  public record Party(String name, String type, String typeLabel, String id, String address,
      String legalRepresentative) {}

  /** {@code candidateGroupName}: the group's Chinese name (岗位), the id when the group has none. */
  public record TaskView(String id, String key, String name, String candidateGroup, String assignee,
      Instant created, Instant due, String candidateGroupName) {}

  public record Deadline(String key, String label, String date, String basis, boolean passed) {}

  /**
   * A job of the case (or of a process it started) that failed until its retries ran out: the case does not move on
   * by itself until an administrator resolves it (Cockpit: retry the job).
   */
  public record IncidentView(String id, String type, String processKey, String processInstanceId, String activityId,
      String message, Instant created) {}

  public record RelatedProcess(String processKey, String processInstanceId, String businessKey, boolean active,
      String outcome, List<TaskView> currentTasks) {}
}
