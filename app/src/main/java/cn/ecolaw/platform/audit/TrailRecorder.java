package cn.ecolaw.platform.audit;

import java.util.Map;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Records an action that happens outside the engine's history (a document generated or downloaded, a case or its
 * trail viewed) by the current actor. Inside an engine command (a document made by a delegate) the record joins
 * the command's {@link TrailSession}, so it lands after the task completion that caused it and only if the command
 * commits; otherwise it is appended at once, in the caller's transaction if there is one.
 */
@Component
public class TrailRecorder {

  private final AuditTrail trail;
  private final ActorResolver actors;

  public TrailRecorder(AuditTrail trail, ActorResolver actors) {
    this.trail = trail;
    this.actors = actors;
  }

  public void record(String caseNo, AuditAction action, String target, Map<String, Object> detail,
      String processInstanceId, String historyRef) {
    CommandContext command = Context.getCommandContext();
    if (command != null) {
      TrailSession session = command.getSession(TrailSession.class);
      session.add(new TrailSession.Pending(caseNo, processInstanceId, session.actor(actors::current), action, target,
          detail, () -> historyRef, null));
      return;
    }
    trail.append(new TrailRecord(caseNo, TrailValues.now(), actors.current(), action, target,
        TrailValues.json(detail), processInstanceId, historyRef));
  }
}
