package cn.ecolaw.platform.documents;

import cn.ecolaw.platform.shared.PlatformException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The DOCX template of each document type: from {@code platform.documents.template-dir} when that directory
 * holds the file (so a clerk's edited template takes effect without a release), else from the classpath
 * {@code doc-templates/} (the repository's {@code templates/}).
 */
@Component
public class DocumentTemplates {

  private final Path overrideDir;
  private final Map<DocumentType, byte[]> classpathCache = new ConcurrentHashMap<>();

  public DocumentTemplates(@Value("${platform.documents.template-dir:}") String overrideDir) {
    this.overrideDir = overrideDir == null || overrideDir.isBlank() ? null : Path.of(overrideDir);
  }

  byte[] bytes(DocumentType type) {
    if (overrideDir != null) {
      Path file = overrideDir.resolve(type.template());
      if (Files.isRegularFile(file)) {
        try {
          return Files.readAllBytes(file);
        } catch (IOException e) {
          throw new PlatformException(500, "DOC-501", "文书模板无法读取：" + file + "（" + e.getMessage() + "）");
        }
      }
    }
    return classpathCache.computeIfAbsent(type, DocumentTemplates::fromClasspath);
  }

  private static byte[] fromClasspath(DocumentType type) {
    String resource = "doc-templates/" + type.template();
    try (InputStream in = DocumentTemplates.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new PlatformException(500, "DOC-501",
            "缺少文书模板：" + resource + "（" + type.title() + "），请检查 templates 目录。");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new PlatformException(500, "DOC-501", "文书模板无法读取：" + resource + "（" + e.getMessage() + "）");
    }
  }
}
