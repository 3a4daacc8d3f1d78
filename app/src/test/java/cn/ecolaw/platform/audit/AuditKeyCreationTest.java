package cn.ecolaw.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several nodes on a shared volume (issue 14): the trail's key file is created atomically, so nodes that start at
 * the same moment with no key yet all end up with one and the same key, never a half-written file.
 */
class AuditKeyCreationTest {

  @TempDir
  Path dir;

  @Test
  void nodesStartingTogetherWithoutAKeyShareTheOneKeyCreated() throws Exception {
    Path file = dir.resolve("shared/audit.key");
    int nodes = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    Set<String> ids = new java.util.HashSet<>();
    try {
      Callable<AuditKey> start = () -> {
        go.await();
        return AuditKey.load(file);
      };
      List<Future<AuditKey>> loads = IntStream.range(0, nodes).mapToObj(i -> pool.submit(start)).toList();
      go.countDown();
      int created = 0;
      for (Future<AuditKey> f : loads) {
        AuditKey key = f.get();
        ids.add(key.id() + " " + key.mac("probe"));
        created += key.created() ? 1 : 0;
      }
      assertThat(ids).as("one key for all").hasSize(1);
      assertThat(created).as("created by one node").isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(Files.list(file.getParent()).map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
        .as("no temporary file left").containsExactly("audit.key");
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
    assertThat(AuditKey.load(file).mac("probe")).isEqualTo(ids.iterator().next().split(" ")[1]);
  }
}
