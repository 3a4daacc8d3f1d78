package cn.ecolaw.platform.workflow;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * What a user may attach to a task, whatever the door (the Tasklist's "add attachment", {@code /engine-rest}'s
 * {@code task/{id}/attachment/create}, the platform's photo upload): the checks the photo upload of an inspection
 * applies ({@code dispatch.InspectionPhotos}), for every task.
 * <ul>
 *   <li>a file is a JPEG or PNG image or a PDF, and its own signature says so (ATT-001); at most
 *       {@value #MAX_BYTES} bytes and not empty (ATT-002); an inspection's photos ({@value #INSPECTION_TASK}) are
 *       JPEG or PNG only;</li>
 *   <li>a name of at most {@value #MAX_NAME} characters without path separators or control characters, a description
 *       of at most {@value #MAX_DESCRIPTION} (ATT-003);</li>
 *   <li>a link is an {@code http} or {@code https} address of at most {@value #MAX_URL} characters (ATT-004);</li>
 *   <li>at most {@value #MAX_PER_INSTANCE} attachments per process instance, {@value #MAX_PHOTOS} photos per
 *       inspection (ATT-005).</li>
 * </ul>
 * A comment is not blank and at most {@value #MAX_COMMENT} characters (CMT-001).
 */
public final class AttachmentRules {

  public static final int MAX_BYTES = 5 * 1024 * 1024;
  public static final int MAX_NAME = 100;
  public static final int MAX_DESCRIPTION = 500;
  public static final int MAX_URL = 500;
  public static final int MAX_PER_INSTANCE = 50;
  public static final int MAX_PHOTOS = 20;
  public static final int MAX_COMMENT = 2000;
  public static final String INSPECTION_TASK = "Task_Inspect";

  private static final Set<String> FILE_TYPES = Set.of("image/jpeg", "image/png", "application/pdf");
  private static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png");

  private AttachmentRules() {}

  /** The declared type, lower case without parameters ("" when none). */
  public static String typeOf(String declared) {
    return declared == null ? "" : declared.toLowerCase(Locale.ROOT).split(";")[0].trim();
  }

  /** Checks a file attachment: its declared type, its signature and its size. */
  public static void checkFile(String declaredType, byte[] content, boolean photosOnly) {
    String type = typeOf(declaredType);
    Set<String> allowed = photosOnly ? PHOTO_TYPES : FILE_TYPES;
    if (!allowed.contains(type)) {
      throw Refusals.refuse("ATT-001", photosOnly ? "现场照片只接受 JPEG 或 PNG 格式（附件类型须写明 image/jpeg 或 image/png）"
          : "附件只接受 JPEG、PNG 图片或 PDF 文件（附件类型须写明 image/jpeg、image/png 或 application/pdf）");
    }
    if (content == null || content.length == 0) {
      throw Refusals.refuse("ATT-002", "附件内容为空");
    }
    if (content.length > MAX_BYTES) {
      throw Refusals.refuse("ATT-002", "每个附件不得超过5 MB");
    }
    if (!signatureMatches(type, content)) {
      throw Refusals.refuse("ATT-001", "文件内容不是声明的" + label(type) + "，不能作为附件上传");
    }
  }

  /** Checks an attachment's name and description. */
  public static void checkText(String name, String description) {
    if (name == null || name.isBlank()) {
      throw Refusals.refuse("ATT-003", "附件须有名称");
    }
    if (name.length() > MAX_NAME || name.matches("(?s).*[\\\\/\\p{Cntrl}].*")) {
      throw Refusals.refuse("ATT-003", "附件名称至多" + MAX_NAME + "个字，不能含有“/”“\\”或控制字符");
    }
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw Refusals.refuse("ATT-003", "附件说明至多" + MAX_DESCRIPTION + "个字");
    }
  }

  /** Checks a link attachment: an http(s) address. */
  public static void checkLink(String url) {
    String u = url == null ? "" : url.trim();
    boolean web;
    try {
      URI uri = new URI(u);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      web = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      web = false;
    }
    if (!web || u.length() > MAX_URL) {
      throw Refusals.refuse("ATT-004", "附件链接须是以 http:// 或 https:// 开头的网址，至多" + MAX_URL + "个字符");
    }
  }

  /** Checks how many attachments the process instance already has. */
  public static void checkCount(long existing, boolean photos) {
    int max = photos ? MAX_PHOTOS : MAX_PER_INSTANCE;
    if (existing >= max) {
      throw Refusals.refuse("ATT-005", photos ? "每次检查至多上传" + MAX_PHOTOS + "张现场照片"
          : "每个流程至多" + MAX_PER_INSTANCE + "个附件");
    }
  }

  /** Checks a comment's text. */
  public static void checkComment(String message) {
    if (message == null || message.isBlank()) {
      throw Refusals.refuse("CMT-001", "评论内容不能为空");
    }
    if (message.length() > MAX_COMMENT) {
      throw Refusals.refuse("CMT-001", "评论至多" + MAX_COMMENT + "个字");
    }
  }

  /** Whether the file's own first bytes are those of its declared type. */
  public static boolean signatureMatches(String type, byte[] b) {
    return switch (typeOf(type)) {
      case "image/png" -> b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
      case "image/jpeg" -> b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
      case "application/pdf" -> b.length > 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-';
      default -> false;
    };
  }

  private static String label(String type) {
    return switch (type) {
      case "image/png" -> "PNG 图片";
      case "image/jpeg" -> "JPEG 图片";
      default -> "PDF 文件";
    };
  }
}
