package cn.ecolaw.platform.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TasklistSession;
import cn.ecolaw.platform.support.TestCases;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rule: evidence once filed is never deleted or rewritten by a user, through any door (/engine-rest, the Tasklist's
 * own API, the engine's Java API), administrators included: 403 ATT-006 and the attachment stays as filed. A comment
 * is edited or deleted by its author only (403 CMT-002); another's comment stays as written.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvidenceOnceFiledIsNeverDeletedTest {

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;

  PlatformHttp officer;
  String taskId;
  String processInstanceId;
  String caseNo;
  @Autowired cn.ecolaw.platform.audit.AuditTrail trail;

  @BeforeEach
  void givenACaseWithAPhotoFiledOnItsFirstTask() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    PlatformHttp http = new PlatformHttp(port);
    officer = http.as("officer1");
    caseNo = TestCases.caseNo();
    Map<String, Object> body = new HashMap<>(TestCases.enterpriseWater());
    body.put("caseNo", caseNo);
    assertThat(officer.post("/api/cases", body).status()).isEqualTo(201);
    processInstanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
    taskId = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    PlatformHttp.Response photo = officer.postMultipart("/engine-rest/task/" + taskId + "/attachment/create",
        Map.of("attachment-name", "现场照片.png", "attachment-description", "排污口", "attachment-type", "image/png"),
        Map.of("content", PNG));
    assertThat(photo.status()).as(photo.text()).isEqualTo(200);
  }

  private Attachment filed() {
    List<Attachment> all = tasks.getTaskAttachments(taskId);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private static void refused(int status, String body, String code) {
    assertThat(status).as(body).isEqualTo(403);
    JsonNode json = PlatformHttp.json().valueToTree(parse(body));
    assertThat(json.path("code").asText()).as(body).isEqualTo(code);
    assertThat(json.path("message").asText()).startsWith("【" + code + "】").containsPattern("\\p{IsHan}");
  }

  private static Object parse(String body) {
    try {
      return PlatformHttp.json().readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError(body, e);
    }
  }

  @Test
  void filingEvidenceIsOnTheCaseTrailWithWhoFiledItAndTheFilesHash() throws Exception {
    // given the photo officer1 filed through /engine-rest (setup), when a link is filed through the Java API too
    String photoId = filed().getId();
    String linkId;
    try {
      identity.setAuthentication("officer1", List.of("eco-officer", "unit-bureau"));
      linkId = tasks.createAttachment("url", taskId, processInstanceId, "监测数据链接", "在线监测",
          "https://example.gov.cn/monitor/1").getId();
    } finally {
      identity.clearAuthentication();
    }

    // then the case's trail names both, who filed them, and the photo's size and SHA-256
    List<cn.ecolaw.platform.audit.AuditEntry> added = trail.entries(caseNo).stream()
        .filter(e -> e.action().equals("ATTACHMENT_ADDED")).toList();
    assertThat(added).extracting(cn.ecolaw.platform.audit.AuditEntry::historyRef).containsExactly(photoId, linkId);
    assertThat(added).extracting(cn.ecolaw.platform.audit.AuditEntry::userId).containsOnly("officer1");
    String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(PNG));
    assertThat(added.get(0).detail()).contains("\"name\":\"现场照片.png\"", "\"size\":" + PNG.length,
        "\"sha256\":\"" + sha + "\"");
    assertThat(added.get(0).target()).contains(tasks.createTaskQuery().taskId(taskId).singleResult().getName());
    assertThat(added.get(1).detail()).contains("\"url\":\"https://example.gov.cn/monitor/1\"")
        .doesNotContain("sha256");
    assertThat(added.get(0).actionLabel()).isEqualTo("添加附件");
    assertThat(trail.verify(caseNo).valid()).isTrue();
  }

  @Test
  void evidenceOnceFiledIsNeverDeletedThroughEngineRest() {
    String id = filed().getId();
    for (String user : List.of("officer1", "officer2", "admin")) {
      PlatformHttp.Response r = officer.as(user).delete("/engine-rest/task/" + taskId + "/attachment/" + id);
      refused(r.status(), r.text(), "ATT-006");
    }
    assertThat(filed().getId()).isEqualTo(id);
    assertThat(filed().getName()).isEqualTo("现场照片.png");
  }

  @Test
  void evidenceOnceFiledIsNeverDeletedThroughTheTasklist() {
    String id = filed().getId();
    HttpResponse<String> r = TasklistSession.login(port, "officer1")
        .send("DELETE", TasklistSession.ENGINE + "/task/" + taskId + "/attachment/" + id, null, null);
    refused(r.statusCode(), r.body(), "ATT-006");
    assertThat(filed().getId()).isEqualTo(id);
  }

  @Test
  void evidenceOnceFiledIsNeverDeletedNorRewrittenThroughTheJavaApi() {
    Attachment attachment = filed();
    try {
      identity.setAuthentication("officer1", List.of("eco-officer"));
      assertThatThrownBy(() -> tasks.deleteTaskAttachment(taskId, attachment.getId()))
          .isInstanceOf(AuthorizationException.class).hasMessageStartingWith("【ATT-006】");
      assertThatThrownBy(() -> tasks.deleteAttachment(attachment.getId()))
          .isInstanceOf(AuthorizationException.class).hasMessageStartingWith("【ATT-006】");
      attachment.setName("替换.png");
      attachment.setDescription("已更正");
      assertThatThrownBy(() -> tasks.saveAttachment(attachment))
          .isInstanceOf(AuthorizationException.class).hasMessageStartingWith("【ATT-006】");
      identity.setAuthentication("admin", List.of("camunda-admin"));
      assertThatThrownBy(() -> tasks.deleteAttachment(attachment.getId()))
          .isInstanceOf(AuthorizationException.class).hasMessageStartingWith("【ATT-006】");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(filed().getName()).isEqualTo("现场照片.png");
    assertThat(filed().getDescription()).isEqualTo("排污口");
  }

  @Test
  void evidenceOnceFiledSurvivesAnAttemptToDeleteItsProcessInstance() {
    String id = filed().getId();
    PlatformHttp.Response r = officer.delete("/engine-rest/process-instance/" + processInstanceId);
    assertThat(r.status()).as(r.text()).isBetween(400, 499);
    assertThat(filed().getId()).isEqualTo(id);
  }

  @Test
  void onlyItsAuthorEditsOrDeletesAComment() {
    PlatformHttp officer2 = officer.as("officer2");
    PlatformHttp.Response added = officer.post("/engine-rest/task/" + taskId + "/comment/create",
        Map.of("message", "已电话通知当事人到场。"));
    assertThat(added.status()).as(added.text()).isEqualTo(200);
    String commentId = added.json().path("id").asText();
    assertThat(officer2.get("/engine-rest/task/" + taskId + "/comment").status()).isEqualTo(200); // a colleague sees it

    PlatformHttp.Response edit = officer2.put("/engine-rest/task/" + taskId + "/comment",
        Map.of("id", commentId, "message", "当事人未到场。"));
    refused(edit.status(), edit.text(), "CMT-002");
    PlatformHttp.Response delete = officer2.delete("/engine-rest/task/" + taskId + "/comment/" + commentId);
    refused(delete.status(), delete.text(), "CMT-002");
    PlatformHttp.Response deleteAll = officer2.delete("/engine-rest/task/" + taskId + "/comment");
    refused(deleteAll.status(), deleteAll.text(), "CMT-002");
    PlatformHttp.Response deleteAllOfInstance = officer2.delete("/engine-rest/process-instance/" + processInstanceId
        + "/comment");
    // the instance's comments: a clerk may not update the instance at all (the engine's own 403), nor delete others'
    assertThat(deleteAllOfInstance.status()).as(deleteAllOfInstance.text()).isEqualTo(403);
    HttpResponse<String> tasklist = TasklistSession.login(port, "officer2")
        .send("DELETE", TasklistSession.ENGINE + "/task/" + taskId + "/comment/" + commentId, null, null);
    refused(tasklist.statusCode(), tasklist.body(), "CMT-002");
    assertThat(tasks.getTaskComments(taskId)).extracting(Comment::getFullMessage).containsExactly("已电话通知当事人到场。");

    PlatformHttp.Response own = officer.put("/engine-rest/task/" + taskId + "/comment",
        Map.of("id", commentId, "message", "已电话通知当事人明日到场。"));
    assertThat(own.status()).as(own.text()).isEqualTo(204);
    assertThat(tasks.getTaskComments(taskId)).extracting(Comment::getFullMessage)
        .containsExactly("已电话通知当事人明日到场。");
  }
}
