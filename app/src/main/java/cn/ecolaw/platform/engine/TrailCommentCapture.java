package cn.ecolaw.platform.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Sees every task and process-instance comment a command adds, edits or deletes (Camunda's AddCommentCmd,
 * UpdateCommentCmd, DeleteTaskCommentCmd, DeleteProcessInstanceCommentCmd, through any door), whoever is logged in
 * or not: none of these write a history event with the text, so the command's entity cache is read by a post
 * command interceptor once the outermost command of the context has run, before the context flushes; the changes
 * go to the sink (the trail), which appends them in the same transaction.
 */
public final class TrailCommentCapture {

  /** A comment change: {@code op} is {@code add}, {@code update} or {@code delete}. */
  public record CommentChange(String op, String commentId, String taskId, String taskName,
      String taskDefinitionKey, String processInstanceId, String oldMessage, String newMessage) {}

  private TrailCommentCapture() {}

  /** Registers the capture with the engine configuration (in a plugin's preInit). */
  public static void install(ProcessEngineConfigurationImpl configuration, Consumer<List<CommentChange>> sink) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return CaptureSession.class;
      }

      @Override
      public Session openSession() {
        return new CaptureSession(sink);
      }
    });
    configuration.setCustomSessionFactories(factories);
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> existing) {
    List<CommandInterceptor> out = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    out.add(new CaptureAfterCommand());
    return out;
  }

  /**
   * After the outermost command of a command context has run, and before the context flushes anything, reads the
   * entity cache for the comments the command added, edited or deleted and hands them to the sink.
   */
  static final class CaptureAfterCommand extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      CommandContext context = Context.getCommandContext();
      if (context == null) {
        return next.execute(command);
      }
      CaptureSession session = context.getSession(CaptureSession.class);
      session.depth++;
      T result;
      try {
        result = next.execute(command);
      } finally {
        session.depth--;
      }
      if (session.depth == 0 && !session.captured) {
        // once per context: the sink may itself run engine queries (who is acting) in this context
        session.captured = true;
        session.capture(context);
      }
      return result;
    }
  }

  /** Per command context: how deep the commands are nested, and the sink. */
  static final class CaptureSession implements Session {

    private final Consumer<List<CommentChange>> sink;
    private int depth;
    private boolean captured;

    CaptureSession(Consumer<List<CommentChange>> sink) {
      this.sink = sink;
    }

    void capture(CommandContext context) {
      List<CommentChange> changes = new ArrayList<>();
      for (CachedDbEntity cached : context.getDbEntityManager().getDbEntityCache().getCachedEntities()) {
        if (!(cached.getEntity() instanceof CommentEntity c) || !"comment".equals(c.getType())) {
          continue;
        }
        DbEntityState state = cached.getEntityState();
        if (state == DbEntityState.TRANSIENT) {
          changes.add(change(context, "add", c, null, c.getFullMessage()));
        } else if (state == DbEntityState.DELETED_PERSISTENT || state == DbEntityState.DELETED_MERGED) {
          changes.add(change(context, "delete", c, c.getFullMessage(), null));
        } else if ((state == DbEntityState.PERSISTENT || state == DbEntityState.MERGED) && cached.isDirty()) {
          changes.add(change(context, "update", c, before(cached), c.getFullMessage()));
        }
      }
      if (!changes.isEmpty()) {
        sink.accept(changes);
      }
    }

    @Override
    public void flush() {}

    /** The message as it was read (the cache keeps a copy of the persistent state, {@code message} for comments). */
    private static String before(CachedDbEntity cached) {
      try {
        var field = CachedDbEntity.class.getDeclaredField("copy");
        field.setAccessible(true);
        return field.get(cached) instanceof Map<?, ?> copy && copy.get("message") != null
            ? String.valueOf(copy.get("message")) : null;
      } catch (ReflectiveOperationException e) {
        return null;
      }
    }

    private static CommentChange change(CommandContext context, String op, CommentEntity c, String oldMessage,
        String newMessage) {
      String name = null;
      String key = null;
      if (c.getTaskId() != null) {
        TaskEntity task = context.getDbEntityManager().selectById(TaskEntity.class, c.getTaskId());
        if (task != null) {
          name = task.getName();
          key = task.getTaskDefinitionKey();
        } else {
          HistoricTaskInstanceEntity done = context.getDbEntityManager()
              .selectById(HistoricTaskInstanceEntity.class, c.getTaskId());
          if (done != null) {
            name = done.getName();
            key = done.getTaskDefinitionKey();
          }
        }
      }
      return new CommentChange(op, c.getId(), c.getTaskId(), name, key, c.getProcessInstanceId(), oldMessage,
          newMessage);
    }

    @Override
    public void close() {}
  }
}
