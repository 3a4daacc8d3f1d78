package cn.ecolaw.platform.engine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The search index's outbox, written in the engine's own transaction: every history event of a command names the
 * process instance it changed; when the command flushes, one row per changed instance goes into
 * {@code search_outbox} through the same (Spring-managed) connection, so the row commits or rolls back with the
 * change itself. {@code search.OutboxShipper} ships the rows to Elasticsearch; nothing here talks to Elasticsearch,
 * so a missing or failing cluster never fails an engine transaction.
 */
@Component
public class SearchOutboxPlugin extends AbstractProcessEnginePlugin {

  static final String INSERT = "INSERT INTO search_outbox (process_instance_id, queued_at) VALUES (?, ?)";

  private final JdbcTemplate jdbc;
  private final boolean enabled;

  public SearchOutboxPlugin(JdbcTemplate jdbc, @Value("${platform.search.outbox:true}") boolean enabled) {
    this.jdbc = jdbc;
    this.enabled = enabled;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!enabled) {
      return;
    }
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(new ChangedInstances());
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(true);

    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return OutboxSession.class;
      }

      @Override
      public Session openSession() {
        return new OutboxSession(jdbc);
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** Collects, per command, the process instances its history events name. */
  static final class ChangedInstances implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      CommandContext context = Context.getCommandContext();
      if (context == null || event.getProcessInstanceId() == null) {
        return;
      }
      context.getSession(OutboxSession.class).changed(event.getProcessInstanceId());
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }

  /** The instances one command changed; written to the outbox when the command flushes, in its transaction. */
  static final class OutboxSession implements Session {

    private final JdbcTemplate jdbc;
    private final Set<String> changed = new LinkedHashSet<>();

    OutboxSession(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    void changed(String processInstanceId) {
      changed.add(processInstanceId);
    }

    @Override
    public void flush() {
      if (changed.isEmpty()) {
        return;
      }
      Timestamp now = Timestamp.from(Instant.now());
      List<Object[]> rows = new ArrayList<>();
      changed.forEach(pid -> rows.add(new Object[] {pid, now}));
      changed.clear();
      jdbc.batchUpdate(INSERT, rows);
    }

    @Override
    public void close() {}
  }
}
