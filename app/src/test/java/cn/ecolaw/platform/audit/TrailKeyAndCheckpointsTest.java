package cn.ecolaw.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key file and the checkpoint file on their own (no database, no engine). */
class TrailKeyAndCheckpointsTest {

  @TempDir Path dir;

  @Test
  void trailKeyIsCreatedOnFirstStartOwnerOnlyAndKeptAfterwards() throws Exception {
    Path file = dir.resolve("keys/audit.key");

    AuditKey first = AuditKey.load(file);
    AuditKey again = AuditKey.load(file);

    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.mac("x")).isEqualTo(first.mac("x")).hasSize(64);
    assertThat(again.id()).isEqualTo(first.id());
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
    AuditKey other = AuditKey.load(dir.resolve("other.key"));
    assertThat(other.mac("x")).isNotEqualTo(first.mac("x"));
  }

  @Test
  void trailCheckpointsAreReadBackAndAnEditedLineIsReported() throws Exception {
    AuditKey key = AuditKey.load(dir.resolve("audit.key"));
    Path file = dir.resolve("checkpoints.log");
    TrailCheckpoints writer = new TrailCheckpoints(file, key);
    writer.record(Map.of("湖环罚〔2026〕1号", new AuditRepository.Head(5, "a".repeat(64))));
    writer.record(Map.of("湖环罚〔2026〕1号", new AuditRepository.Head(9, "b".repeat(64))));
    writer.record(Map.of("湖环罚〔2026〕2号", new AuditRepository.Head(3, "c".repeat(64))));

    TrailCheckpoints reader = new TrailCheckpoints(file, key);
    assertThat(reader.problem()).isNull();
    assertThat(reader.latest("湖环罚〔2026〕1号")).get().extracting(TrailCheckpoints.Checkpoint::seq).isEqualTo(9L);
    assertThat(reader.of("湖环罚〔2026〕1号").keySet()).containsExactly(5L, 9L);
    assertThat(Files.readAllLines(file).get(2)).contains("\t3\t" + "c".repeat(64) + "\t3\t12\thead\t");

    // someone lowers the count of case 1 in the file: the line's signature no longer matches
    String text = Files.readString(file, StandardCharsets.UTF_8).replace("\t9\t" + "b".repeat(64) + "\t9\t",
        "\t4\t" + "b".repeat(64) + "\t4\t");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    TrailCheckpoints afterEdit = new TrailCheckpoints(file, key);
    assertThat(afterEdit.problem()).contains("第 2 行签名不符");
    assertThat(afterEdit.of("湖环罚〔2026〕1号").keySet()).containsExactly(5L);

    // and the same file read with another key is not trusted at all
    TrailCheckpoints otherKey = new TrailCheckpoints(file, AuditKey.load(dir.resolve("other.key")));
    assertThat(otherKey.problem()).contains("第 1 行签名不符");
  }
}
