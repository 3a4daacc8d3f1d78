package cn.ecolaw.platform.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Sees every task and process-instance comment a command adds, edits or deletes (Camunda's AddCommentCmd,
 * UpdateCommentCmd, DeleteTaskCommentCmd, DeleteProcessInstanceCommentCmd, through any door), and every attachment
 * it adds (CreateAttachmentCmd: a photo or file of evidence, or a link; an attachment once filed is never edited or
 * deleted, see EngineDoorGuard, ATT-006), whoever is logged in or not: none of these write a history event with the
 * text or the file, so the command's entity cache is read by a post command interceptor once the outermost command of
 * the context has run, before the context flushes; the changes go to the sink (the trail), which appends them in the
 * same transaction.
 */
public final class TrailCommentCapture {

  /** A comment change: {@code op} is {@code add}, {@code update} or {@code delete}. */
  public record CommentChange(String op, String commentId, String taskId, String taskName,
      String taskDefinitionKey, String processInstanceId, String oldMessage, String newMessage) {}

  /**
   * An attachment added: its file's size and SHA-256 (hex) when it has content ({@code null} for a link), so that the
   * trail proves which file was filed.
   */
  public record AttachmentChange(String attachmentId, String taskId, String taskName, String taskDefinitionKey,
      String processInstanceId, String name, String type, String url, Integer size, String sha256) {}

  /** Where the captured changes go (the trail), in the command's transaction. */
  public interface Sink {
    void comments(List<CommentChange> changes);

    void attachments(List<AttachmentChange> changes);
  }

  private TrailCommentCapture() {}

  /** Registers the capture with the engine configuration (in a plugin's preInit). */
  public static void install(ProcessEngineConfigurationImpl configuration, Sink sink) {
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

    private final Sink sink;
    private int depth;
    private boolean captured;

    CaptureSession(Sink sink) {
      this.sink = sink;
    }

    void capture(CommandContext context) {
      List<CommentChange> changes = new ArrayList<>();
      List<AttachmentChange> attachments = new ArrayList<>();
      for (CachedDbEntity cached : context.getDbEntityManager().getDbEntityCache().getCachedEntities()) {
        if (cached.getEntity() instanceof AttachmentEntity a && cached.getEntityState() == DbEntityState.TRANSIENT) {
          attachments.add(attachment(context, a));
          continue;
        }
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
        sink.comments(changes);
      }
      if (!attachments.isEmpty()) {
        sink.attachments(attachments);
      }
    }

    private static AttachmentChange attachment(CommandContext context, AttachmentEntity a) {
      String[] task = task(context, a.getTaskId());
      Integer size = null;
      String sha256 = null;
      if (a.getContentId() != null) {
        ByteArrayEntity content = context.getDbEntityManager().selectById(ByteArrayEntity.class, a.getContentId());
        if (content != null && content.getBytes() != null) {
          size = content.getBytes().length;
          sha256 = sha256(content.getBytes());
        }
      }
      // the Tasklist's "add attachment" (REST task/{id}/attachment/create) names the task only: its instance's case
      String processInstanceId = a.getProcessInstanceId() != null ? a.getProcessInstanceId() : task[2];
      return new AttachmentChange(a.getId(), a.getTaskId(), task[0], task[1], processInstanceId, a.getName(),
          a.getType(), a.getUrl(), size, sha256);
    }

    private static String sha256(byte[] bytes) {
      try {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The name, definition key and process instance of a task, open or done (all null when there is none). */
    private static String[] task(CommandContext context, String taskId) {
      if (taskId == null) {
        return new String[3];
      }
      TaskEntity open = context.getDbEntityManager().selectById(TaskEntity.class, taskId);
      if (open != null) {
        return new String[] {open.getName(), open.getTaskDefinitionKey(), open.getProcessInstanceId()};
      }
      HistoricTaskInstanceEntity done = context.getDbEntityManager().selectById(HistoricTaskInstanceEntity.class, taskId);
      return done == null ? new String[3]
          : new String[] {done.getName(), done.getTaskDefinitionKey(), done.getProcessInstanceId()};
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
