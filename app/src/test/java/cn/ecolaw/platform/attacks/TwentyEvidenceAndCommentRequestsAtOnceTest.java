package cn.ecolaw.platform.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rule: twenty identical requests at once on evidence and comments do the thing once or are refused with a code, never
 * a 5xx: twenty deletions of a filed photo are twenty 403 ATT-006 and the photo stays; twenty deletions of another's
 * comment are twenty 403 CMT-002; twenty deletions of one's own comment delete it once, the rest answer 4xx with a
 * code; twenty edits of one's own comment leave it as edited, the late ones answering 409 REQ-409 (they answered 500:
 * each edit updates the task, the engine's optimistic lock refused the parallel ones).
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwentyEvidenceAndCommentRequestsAtOnceTest {

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;

  PlatformHttp officer;
  String taskId;
  String attachmentId;
  String commentId;

  @BeforeEach
  void givenAPhotoAndACommentOnACase() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    officer = new PlatformHttp(port).as("officer1");
    String caseNo = TestCases.caseNo();
    Map<String, Object> body = new HashMap<>(TestCases.enterpriseWater());
    body.put("caseNo", caseNo);
    assertThat(officer.post("/api/cases", body).status()).isEqualTo(201);
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
    taskId = tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();
    PlatformHttp.Response photo = officer.postMultipart("/engine-rest/task/" + taskId + "/attachment/create",
        Map.of("attachment-name", "现场照片.png", "attachment-description", "排污口", "attachment-type", "image/png"),
        Map.of("content", PNG));
    assertThat(photo.status()).as(photo.text()).isEqualTo(200);
    attachmentId = photo.json().path("id").asText();
    PlatformHttp.Response comment = officer.post("/engine-rest/task/" + taskId + "/comment/create",
        Map.of("message", "已电话通知当事人到场。"));
    assertThat(comment.status()).as(comment.text()).isEqualTo(200);
    commentId = comment.json().path("id").asText();
  }

  private static List<PlatformHttp.Response> atOnce(Supplier<PlatformHttp.Response> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<PlatformHttp.Response>> futures = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        futures.add(pool.submit(() -> {
          go.await();
          return request.get();
        }));
      }
      go.countDown();
      List<PlatformHttp.Response> out = new ArrayList<>();
      for (Future<PlatformHttp.Response> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void allRefused(List<PlatformHttp.Response> answers, int status, String code) {
    assertThat(answers).allSatisfy(r -> {
      assertThat(r.status()).as(r.text()).isEqualTo(status);
      assertThat(r.text("code")).as(r.text()).isEqualTo(code);
      assertThat(r.text("message")).containsPattern("\\p{IsHan}");
    });
  }

  @Test
  void twentyDeletionsOfAFiledPhotoAreTwentyCodedRefusals() throws Exception {
    allRefused(atOnce(() -> officer.delete("/engine-rest/task/" + taskId + "/attachment/" + attachmentId)), 403,
        "ATT-006");
    assertThat(tasks.getTaskAttachments(taskId)).extracting(a -> a.getId()).containsExactly(attachmentId);
  }

  @Test
  void twentyDeletionsOfAnothersCommentAreTwentyCodedRefusals() throws Exception {
    PlatformHttp officer2 = officer.as("officer2");
    allRefused(atOnce(() -> officer2.delete("/engine-rest/task/" + taskId + "/comment/" + commentId)), 403,
        "CMT-002");
    allRefused(atOnce(() -> officer2.put("/engine-rest/task/" + taskId + "/comment",
        Map.of("id", commentId, "message", "当事人未到场。"))), 403, "CMT-002");
    assertThat(tasks.getTaskComments(taskId)).extracting(Comment::getFullMessage).containsExactly("已电话通知当事人到场。");
  }

  @Test
  void twentyDeletionsOfOnesOwnCommentDeleteItOnceAndTheRestAreCoded() throws Exception {
    List<PlatformHttp.Response> answers = atOnce(() -> officer.delete("/engine-rest/task/" + taskId + "/comment/"
        + commentId));
    assertThat(answers).as("%s", answers).allSatisfy(r -> assertThat(r.status()).isLessThan(500));
    assertThat(answers).filteredOn(r -> r.status() == 204).isNotEmpty();
    assertThat(answers).filteredOn(r -> r.status() != 204).allSatisfy(r -> {
      assertThat(r.status()).as(r.text()).isBetween(400, 499);
      assertThat(r.text("code")).as(r.text()).matches("[A-Z]+-\\d{3}");
      assertThat(r.text("message")).containsPattern("\\p{IsHan}");
    });
    assertThat(tasks.getTaskComments(taskId)).isEmpty();
  }

  @Test
  void twentyEditsOfOnesOwnCommentLeaveItAsEdited() throws Exception {
    List<PlatformHttp.Response> answers = atOnce(() -> officer.put("/engine-rest/task/" + taskId + "/comment",
        Map.of("id", commentId, "message", "已电话通知当事人明日到场。")));
    assertThat(answers).as("%s", answers).allSatisfy(r -> assertThat(r.status()).isLessThan(500));
    assertThat(answers).filteredOn(r -> r.status() != 204).allSatisfy(r -> {
      assertThat(r.status()).as(r.text()).isBetween(400, 499);
      assertThat(r.text("code")).as(r.text()).matches("[A-Z]+-\\d{3}");
    });
    assertThat(tasks.getTaskComments(taskId)).extracting(Comment::getFullMessage)
        .containsExactly("已电话通知当事人明日到场。");
  }
}
