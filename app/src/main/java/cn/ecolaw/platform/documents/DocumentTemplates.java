package cn.ecolaw.platform.documents;

import cn.ecolaw.platform.shared.PlatformException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
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
  private final boolean cacheOverrides;
  private final Map<DocumentType, byte[]> classpathCache = new ConcurrentHashMap<>();
  private final Map<Path, Edited> overrideCache = new ConcurrentHashMap<>();

  /** An edited template as last read, with the file's modification time and size when it was read. */
  private record Edited(FileTime modified, long size, byte[] bytes) {}

  public DocumentTemplates(String overrideDir) {
    this(overrideDir, true);
  }

  /**
   * {@code cacheOverrides}: an edited template is read again only when its modification time or size changed
   * (one file status per document instead of a read); false reads it for every document, as before.
   */
  @org.springframework.beans.factory.annotation.Autowired
  public DocumentTemplates(@Value("${platform.documents.template-dir:}") String overrideDir,
      @Value("${platform.documents.cache-parsed:true}") boolean cacheOverrides) {
    this.overrideDir = overrideDir == null || overrideDir.isBlank() ? null : Path.of(overrideDir);
    this.cacheOverrides = cacheOverrides;
  }

  byte[] bytes(DocumentType type) {
    if (overrideDir != null) {
      Path file = overrideDir.resolve(type.template());
      if (Files.isRegularFile(file)) {
        try {
          return cacheOverrides ? edited(file) : Files.readAllBytes(file);
        } catch (IOException e) {
          throw new PlatformException(500, "DOC-501", "文书模板无法读取：" + file + "（" + e.getMessage() + "）");
        }
      }
    }
    return classpathCache.computeIfAbsent(type, DocumentTemplates::fromClasspath);
  }

  /** Reads every template once (the warm-up), so that no document waits for it. */
  void warmUp() {
    for (DocumentType type : DocumentType.values()) {
      bytes(type);
    }
  }

  private byte[] edited(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    Edited known = overrideCache.get(file);
    if (known != null && known.modified().equals(attributes.lastModifiedTime()) && known.size() == attributes.size()) {
      return known.bytes();
    }
    byte[] bytes = Files.readAllBytes(file);
    overrideCache.put(file, new Edited(attributes.lastModifiedTime(), attributes.size(), bytes));
    return bytes;
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
