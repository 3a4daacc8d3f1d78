package cn.ecolaw.platform.audit;

import java.util.ArrayList;
import java.util.List;
import cn.ecolaw.platform.engine.TrailCommentCapture;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Adds the trail to the engine: a history event handler next to Camunda's database handler (the history stays at
 * level full, written as before) and the per-command {@link TrailSession} that appends the records when the command
 * flushes, in the engine's transaction; and the capture of comment changes and added attachments
 * ({@link TrailCommentCapture}), which no history event carries.
 */
@Component
public class AuditEnginePlugin extends AbstractProcessEnginePlugin {

  private final AuditTrail trail;
  private final AuditRepository repository;
  private final ActorResolver actors;

  public AuditEnginePlugin(AuditTrail trail, AuditRepository repository, ActorResolver actors) {
    this.trail = trail;
    this.repository = repository;
    this.actors = actors;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(new TrailHistoryEventHandler(actors));
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(true);

    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return TrailSession.class;
      }

      @Override
      public Session openSession() {
        return new TrailSession(trail, repository);
      }
    });
    configuration.setCustomSessionFactories(factories);

    TrailCommentCapture.install(configuration, new TrailCommentCapture.Sink() {
      @Override
      public void comments(List<TrailCommentCapture.CommentChange> changes) {
        TrailSession session = Context.getCommandContext().getSession(TrailSession.class);
        Actor actor = session.actor(actors::current);
        changes.forEach(change -> session.comment(change, actor));
      }

      @Override
      public void attachments(List<TrailCommentCapture.AttachmentChange> changes) {
        TrailSession session = Context.getCommandContext().getSession(TrailSession.class);
        Actor actor = session.actor(actors::current);
        changes.forEach(change -> session.attachment(change, actor));
      }
    });
  }
}
