package cn.ecolaw.platform.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rule: an attachment or comment added through {@code /engine-rest} (the Tasklist's own API) passes the checks the
 * platform's photo upload applies — a JPEG, PNG or PDF whose own bytes say so, at most 5 MB, a clean name, an http(s)
 * link, a bounded count (ATT-001…005), a comment of at most 2,000 characters (CMT-001) — and a refused one stores
 * nothing.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineRestAttachmentsPassThePhotoAndEvidenceChecksTest {

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
  static final byte[] EXE = "MZ\u0090\u0000this program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;

  PlatformHttp officer;
  String taskId;

  @BeforeEach
  void setUp() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    PlatformHttp http = new PlatformHttp(port);
    officer = http.as("officer1");
    String caseNo = TestCases.caseNo();
    Map<String, Object> body = new HashMap<>(TestCases.enterpriseWater());
    body.put("caseNo", caseNo);
    assertThat(officer.post("/api/cases", body).status()).isEqualTo(201);
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
    taskId = tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();
  }

  private PlatformHttp.Response attach(String name, String type, byte[] content, String url) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("attachment-name", name);
    fields.put("attachment-description", "现场检查");
    if (type != null) {
      fields.put("attachment-type", type);
    }
    if (url != null) {
      fields.put("url", url);
    }
    return officer.postMultipart("/engine-rest/task/" + taskId + "/attachment/create", fields,
        content == null ? Map.of() : Map.of("content", content));
  }

  private static void refused(PlatformHttp.Response r, String code) {
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.text("code")).as(r.text()).isEqualTo(code);
    assertThat(r.text("message")).startsWith("【" + code + "】").containsPattern("\\p{IsHan}");
  }

  @Test
  void aProgramDeclaredAsAPhotoIsRefusedAndNothingIsStored() {
    refused(attach("现场照片.jpg", "image/jpeg", EXE, null), "ATT-001");
    refused(attach("evil.exe", "application/x-msdownload", EXE, null), "ATT-001");
    refused(attach("空.png", "image/png", new byte[0], null), "ATT-002");
    refused(attach("大.png", "image/png", new byte[5 * 1024 * 1024 + 10], null), "ATT-002");
    refused(attach("../../etc/passwd", "image/png", PNG, null), "ATT-003");
    refused(attach("x".repeat(101), "image/png", PNG, null), "ATT-003");
    assertThat(tasks.getTaskAttachments(taskId)).isEmpty();

    PlatformHttp.Response photo = attach("现场照片.png", "image/png", PNG, null);
    assertThat(photo.status()).as(photo.text()).isEqualTo(200);
    assertThat(tasks.getTaskAttachments(taskId)).extracting(a -> a.getName()).containsExactly("现场照片.png");
  }

  @Test
  void aLinkAttachmentIsAnHttpAddressNeverAScript() {
    refused(attach("链接", "url", null, "javascript:alert(document.cookie)"), "ATT-004");
    refused(attach("链接", "url", null, "file:///etc/passwd"), "ATT-004");
    assertThat(tasks.getTaskAttachments(taskId)).isEmpty();
    PlatformHttp.Response link = attach("监测数据", "url", null, "https://www.mee.gov.cn/");
    assertThat(link.status()).as(link.text()).isEqualTo(200);
  }

  @Test
  void anOverlongOrEmptyCommentIsRefusedAndNothingIsStored() {
    refused(officer.post("/engine-rest/task/" + taskId + "/comment/create", Map.of("message", "评".repeat(2001))),
        "CMT-001");
    refused(officer.post("/engine-rest/task/" + taskId + "/comment/create", Map.of("message", "  ")), "CMT-001");
    assertThat(tasks.getTaskComments(taskId)).isEmpty();
    PlatformHttp.Response ok = officer.post("/engine-rest/task/" + taskId + "/comment/create",
        Map.of("message", "已电话通知当事人到场。"));
    assertThat(ok.status()).as(ok.text()).isEqualTo(200);
  }
}
