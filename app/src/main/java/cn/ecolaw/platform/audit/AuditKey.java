package cn.ecolaw.platform.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trail's secret key (HmacSHA256), held in a file outside the database ({@code platform.audit.key-file}) and
 * never written to it. Created on first start (32 random bytes, hex, permissions 0600 where the file system has
 * them). Whoever has only the database cannot compute an entry's MAC, so cannot forge, alter or re-chain entries.
 */
final class AuditKey {

  private static final Logger LOG = LoggerFactory.getLogger(AuditKey.class);
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final String id;
  private final Path file;
  private final boolean created;

  private AuditKey(byte[] secret, Path file, boolean created) {
    this.key = new SecretKeySpec(secret, ALGORITHM);
    this.id = sha256(secret).substring(0, 12);
    this.file = file;
    this.created = created;
  }

  /** Reads the key file, or creates it (with a new random key) when it does not exist. */
  static AuditKey load(Path file) {
    try {
      Path absolute = file.toAbsolutePath().normalize();
      if (!Files.exists(absolute)) {
        try {
          create(absolute);
          LOG.warn("留痕密钥文件不存在，已生成新密钥：{}（请妥善保管并备份，勿与数据库放在同一存储上）", absolute);
          return new AuditKey(read(absolute), absolute, true);
        } catch (FileAlreadyExistsException e) {
          LOG.debug("key file {} created concurrently", absolute);
        }
      }
      return new AuditKey(read(absolute), absolute, false);
    } catch (IOException e) {
      throw new UncheckedIOException("留痕密钥文件无法读取或创建：" + file, e);
    }
  }

  /**
   * Writes a new key to a temporary file beside {@code file} and links it into place in one step: a node starting
   * at the same moment on a shared volume (issue 14) sees either no key file or the complete one, never a half
   * written file, and the second creator gets {@link FileAlreadyExistsException} and reads the first one's key.
   */
  private static void create(Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    byte[] text = (HexFormat.of().formatHex(secret) + "\n").getBytes(StandardCharsets.US_ASCII);
    Path dir = file.getParent() == null ? Path.of(".") : file.getParent();
    boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    Path temp = posix
        ? Files.createTempFile(dir, ".audit-key-", ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(dir, ".audit-key-", ".tmp");
    try {
      Files.write(temp, text, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
      try {
        Files.createLink(file, temp);
      } catch (UnsupportedOperationException e) {
        Files.move(temp, file); // no hard links here: fails when the file exists, as createLink does
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static byte[] read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    byte[] secret;
    try {
      secret = HexFormat.of().parseHex(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("留痕密钥文件格式不正确（应为十六进制）：" + file);
    }
    if (secret.length < 32) {
      throw new IllegalStateException("留痕密钥过短（至少 32 字节）：" + file);
    }
    return secret;
  }

  /** The MAC of a text, 64 hex characters. */
  String mac(String text) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compares two MACs in constant time. */
  static boolean same(String a, String b) {
    return a != null && b != null
        && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  /** A short public fingerprint of the key (never the key): which key signed, for rotation and support. */
  String id() {
    return id;
  }

  Path file() {
    return file;
  }

  /** Whether this start created the key (no key existed before). */
  boolean created() {
    return created;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
