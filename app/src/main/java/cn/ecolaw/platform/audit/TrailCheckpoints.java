package cn.ecolaw.platform.audit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed checkpoints of the chain heads, in an append-only text file outside the database
 * ({@code platform.audit.checkpoint-file}): after every commit that appended to a case's chain, one line with the
 * case, its last seq (= its number of entries), the MAC of that entry and the number of entries of all chains
 * together, the line itself MAC'd with the trail's key. The database cannot rewrite this file, so deleting the tail
 * of a chain and moving its head back (or deleting a whole chain) is found: the chain is shorter than its
 * checkpoint, or its entry at the checkpoint's seq has another MAC.
 *
 * <p>Line: {@code cp1 TAB time TAB case(URL-encoded) TAB seq TAB mac TAB caseCount TAB globalCount TAB kind TAB
 * lineMac}; {@code kind} is {@code head}, or {@code legacy} for the seal of a chain written before the key existed.
 * The file is re-read from where it was last read before each use, so that several writers (application contexts
 * sharing one database in tests) see each other's lines. A line whose MAC does not match (edited, forged, written
 * with another key) is never used and makes every verification report the file as tampered.
 */
final class TrailCheckpoints {

  private static final Logger LOG = LoggerFactory.getLogger(TrailCheckpoints.class);
  private static final String VERSION = "cp1";
  private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

  /** The latest checkpoint of one chain. */
  record Checkpoint(String caseNo, long seq, String mac, LocalDateTime at) {}

  private final Path file;
  private final AuditKey key;
  private final Object lock;
  /** Every checkpoint of every chain by seq; of two for one seq (a chain re-grown after truncation) the first. */
  private final Map<String, NavigableMap<Long, Checkpoint>> chains = new HashMap<>();
  private final Map<String, Checkpoint> legacy = new HashMap<>();
  private long offset;
  private long lines;
  private String problem;

  TrailCheckpoints(Path file, AuditKey key) {
    this.file = file.toAbsolutePath().normalize();
    this.key = key;
    this.lock = LOCKS.computeIfAbsent(this.file, p -> new Object());
    synchronized (lock) {
      try {
        if (file.getParent() != null) {
          Files.createDirectories(this.file.getParent());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("留痕检查点文件目录无法创建：" + file, e);
      }
      refresh();
    }
  }

  Path file() {
    return file;
  }

  /** Whether the file has no checkpoint at all (a first start, or the file was lost). */
  boolean isEmpty() {
    synchronized (lock) {
      refresh();
      return lines == 0;
    }
  }

  /** Appends the checkpoints of chains whose heads a committed transaction moved ({@code caseNo -> head}). */
  void record(Map<String, AuditRepository.Head> heads) {
    write(heads, "head");
  }

  /**
   * Seals chains written before the trail had a key: their current heads become checkpoints of kind
   * {@code legacy}, so that their unkeyed SHA-256 entries are accepted up to there and no further.
   */
  void sealLegacy(Map<String, AuditRepository.Head> heads) {
    write(heads, "legacy");
  }

  private void write(Map<String, AuditRepository.Head> heads, String kind) {
    if (heads.isEmpty()) {
      return;
    }
    synchronized (lock) {
      refresh();
      Map<String, Long> counts = new HashMap<>();
      chains.forEach((c, cps) -> counts.put(c, cps.lastKey()));
      long global = counts.values().stream().mapToLong(Long::longValue).sum();
      StringBuilder out = new StringBuilder();
      String at = EntryHasher.TIME.format(TrailValues.now());
      for (Map.Entry<String, AuditRepository.Head> h : heads.entrySet()) {
        long seq = h.getValue().lastSeq();
        long before = counts.getOrDefault(h.getKey(), 0L);
        if (seq > before) {
          global += seq - before;
          counts.put(h.getKey(), seq);
        }
        String body = String.join("\t", VERSION, at, URLEncoder.encode(h.getKey(), StandardCharsets.UTF_8),
            Long.toString(seq), h.getValue().lastHash(), Long.toString(seq), Long.toString(global), kind);
        out.append(body).append('\t').append(lineMac(body)).append('\n');
      }
      try {
        Files.writeString(file, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
            StandardOpenOption.WRITE);
      } catch (IOException e) {
        // the entries are committed; without the checkpoint they are only protected by their MACs
        LOG.error("留痕检查点写入失败（{}），链尾截断在下一个检查点之前无法被发现", file, e);
      }
      refresh();
    }
  }

  /** The latest checkpoint of a chain (highest seq). */
  Optional<Checkpoint> latest(String caseNo) {
    synchronized (lock) {
      refresh();
      NavigableMap<Long, Checkpoint> cps = chains.get(caseNo);
      return cps == null ? Optional.empty() : Optional.of(cps.lastEntry().getValue());
    }
  }

  /** Every checkpoint of a chain, by seq (empty when none). */
  NavigableMap<Long, Checkpoint> of(String caseNo) {
    synchronized (lock) {
      refresh();
      NavigableMap<Long, Checkpoint> cps = chains.get(caseNo);
      return cps == null ? new TreeMap<>() : new TreeMap<>(cps);
    }
  }

  /** The seal of a chain written before the key existed: entries up to its seq carry unkeyed SHA-256 hashes. */
  Optional<Checkpoint> legacySeal(String caseNo) {
    synchronized (lock) {
      refresh();
      return Optional.ofNullable(legacy.get(caseNo));
    }
  }

  /** Every chain with a checkpoint, with its latest checkpoint. */
  Map<String, Checkpoint> all() {
    synchronized (lock) {
      refresh();
      Map<String, Checkpoint> out = new LinkedHashMap<>();
      chains.forEach((c, cps) -> out.put(c, cps.lastEntry().getValue()));
      return out;
    }
  }

  /** Null when every line is intact; else why the file cannot be trusted (in Chinese). */
  String problem() {
    synchronized (lock) {
      refresh();
      return problem;
    }
  }

  /** Reads the complete lines appended since the last read. */
  private void refresh() {
    if (!Files.exists(file)) {
      if (offset > 0 && problem == null) {
        problem = "留痕检查点文件已被删除或替换（" + file.getFileName() + "）";
      }
      return;
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      if (length < offset) {
        problem = "留痕检查点文件被截短（原有检查点被删除）";
        return;
      }
      if (length == offset) {
        return;
      }
      byte[] bytes = new byte[(int) (length - offset)];
      in.seek(offset);
      in.readFully(bytes);
      int start = 0;
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          parse(new String(bytes, start, i - start, StandardCharsets.UTF_8));
          start = i + 1;
        }
      }
      offset += start;
    } catch (IOException e) {
      throw new UncheckedIOException("留痕检查点文件无法读取：" + file, e);
    }
  }

  private void parse(String line) {
    lines++;
    String[] f = line.split("\t", -1);
    int cut = line.lastIndexOf('\t');
    if (f.length != 9 || !VERSION.equals(f[0]) || cut < 0
        || !AuditKey.same(lineMac(line.substring(0, cut)), line.substring(cut + 1))) {
      if (problem == null) {
        problem = "留痕检查点文件第 " + lines + " 行签名不符（检查点文件被改动，或以其他密钥写成）";
        LOG.error("{}: {}", problem, file);
      }
      return;
    }
    String caseNo = URLDecoder.decode(f[2], StandardCharsets.UTF_8);
    Checkpoint cp = new Checkpoint(caseNo, Long.parseLong(f[3]), f[4],
        LocalDateTime.parse(f[1], EntryHasher.TIME));
    if ("legacy".equals(f[7])) {
      legacy.merge(caseNo, cp, (a, b) -> b.seq() > a.seq() ? b : a);
    }
    chains.computeIfAbsent(caseNo, c -> new TreeMap<>()).putIfAbsent(cp.seq(), cp);
  }

  private String lineMac(String body) {
    return key.mac("audit-checkpoint-v1\n" + body);
  }
}
