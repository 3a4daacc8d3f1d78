package cn.ecolaw.platform.dispatch;

import cn.ecolaw.platform.shared.PlatformException;
import cn.ecolaw.platform.workflow.PlatformCall;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Photos of an inspection, kept as Camunda attachments of the open inspection task (shown in the Tasklist): JPEG or
 * PNG only (the declared type and the file's own signature must agree), at most {@value #MAX_BYTES} bytes each and
 * {@value #MAX_PHOTOS} per inspection.
 */
@Service
public class InspectionPhotos {

  static final int MAX_BYTES = 5 * 1024 * 1024;
  static final int MAX_PHOTOS = 20;
  static final String TASK = "Task_Inspect";

  private final TaskService tasks;

  public InspectionPhotos(TaskService tasks) {
    this.tasks = tasks;
  }

  public Map<String, Object> add(String inspectionNo, String contentType, String name, InputStream body)
      throws IOException {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(inspectionNo).processDefinitionKey(
        Inspections.PROCESS_KEY).taskDefinitionKey(TASK).singleResult();
    if (task == null) {
      throw PlatformException.notFound("INS-404", "没有待办的检查任务" + inspectionNo + "（任务不存在、无权办理或已办结）");
    }
    String type = contentType == null ? "" : contentType.toLowerCase().split(";")[0].trim();
    if (!type.equals("image/jpeg") && !type.equals("image/png")) {
      throw PlatformException.badRequest("INS-023", "现场照片只接受 JPEG 或 PNG 格式");
    }
    byte[] bytes = body.readNBytes(MAX_BYTES + 1);
    if (bytes.length == 0) {
      throw PlatformException.badRequest("INS-022", "照片内容为空");
    }
    if (bytes.length > MAX_BYTES) {
      throw PlatformException.badRequest("INS-022", "每张照片不得超过5 MB");
    }
    if (!signatureMatches(type, bytes)) {
      throw PlatformException.badRequest("INS-023", "文件内容不是声明的" + (type.endsWith("png") ? "PNG" : "JPEG") + "图片");
    }
    if (tasks.getProcessInstanceAttachments(task.getProcessInstanceId()).size() >= MAX_PHOTOS) {
      throw PlatformException.conflict("INS-024", "每次检查至多上传" + MAX_PHOTOS + "张现场照片");
    }
    String file = safeName(name, type);
    Attachment a = PlatformCall.run(() -> tasks.createAttachment(type, task.getId(), task.getProcessInstanceId(),
        file, "现场检查照片", new ByteArrayInputStream(bytes)));
    return Map.of("attachmentId", a.getId(), "name", file, "size", bytes.length, "photoCount",
        tasks.getProcessInstanceAttachments(task.getProcessInstanceId()).size());
  }

  static boolean signatureMatches(String type, byte[] b) {
    if (type.equals("image/png")) {
      return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }
    return b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
  }

  private static String safeName(String name, String type) {
    String n = name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "").trim();
    if (n.isEmpty()) {
      n = "现场照片." + (type.endsWith("png") ? "png" : "jpg");
    }
    return n.length() > 100 ? n.substring(0, 100) : n;
  }
}
