package cn.ecolaw.platform.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.ecolaw.platform.shared.PlatformException;
import cn.ecolaw.platform.support.Logins;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:documents;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
@AutoConfigureMockMvc
class DocumentApiTest {

  @Autowired DocumentService documents;
  @Autowired MockMvc mvc;
  @Autowired TestRestTemplate http;

  @Test
  void realServerServesPdfWithoutCharsetAndWithUtf8FileName() {
    String caseNo = "湖环罚〔2026〕77号";
    GeneratedDocument reminder = documents.generate(caseNo, DocumentType.REMINDER,
        DocumentSamples.data(DocumentType.REMINDER), "officer1");
    ResponseEntity<byte[]> response = Logins.as(http, Logins.ADMIN).getForEntity(
        "/api/cases/{caseNo}/documents/{id}/pdf", byte[].class, caseNo, reminder.id());
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getFirst("Content-Type")).isEqualTo("application/pdf");
    assertThat(response.getHeaders().getFirst("Content-Disposition"))
        .endsWith("filename*=UTF-8''%E5%82%AC%E5%91%8A%E4%B9%A6-%E6%B9%96%E7%8E%AF%E7%BD%9A%E3%80%942026%E3%80%9577%E5%8F%B7.pdf");
    assertThat(new String(response.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  @Test
  void generatedDocumentsAreListedAndDownloadable() throws Exception {
    String caseNo = "湖环罚〔2026〕31号";
    GeneratedDocument first = documents.generate(caseNo, DocumentType.PENALTY_DECISION,
        DocumentSamples.data(DocumentType.PENALTY_DECISION), "officer1");
    GeneratedDocument second = documents.generate(caseNo, DocumentType.PENALTY_DECISION,
        Map.of("partyName", "乙公司", "fineAmount", 200000), "officer1");
    assertThat(first.version()).isEqualTo(1);
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.title()).isEqualTo("行政处罚决定书");

    mvc.perform(get("/api/cases/{caseNo}/documents", caseNo).with(Logins.admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].id").value(first.id()))
        .andExpect(jsonPath("$[0].type").value("PENALTY_DECISION"))
        .andExpect(jsonPath("$[0].title").value("行政处罚决定书"))
        .andExpect(jsonPath("$[0].version").value(1))
        .andExpect(jsonPath("$[0].createdBy").value("officer1"))
        .andExpect(jsonPath("$[0].createdAt").isNotEmpty())
        .andExpect(jsonPath("$[0].pdfUrl").value(
            "/api/cases/%E6%B9%96%E7%8E%AF%E7%BD%9A%E3%80%942026%E3%80%9531%E5%8F%B7/documents/" + first.id() + "/pdf"));

    MvcResult pdf = mvc.perform(get("/api/cases/{caseNo}/documents/{id}/pdf", caseNo, first.id()).with(Logins.admin()))
        .andExpect(status().isOk())
        .andExpect(content().contentType("application/pdf"))
        .andReturn();
    String disposition = pdf.getResponse().getHeader("Content-Disposition");
    assertThat(disposition).startsWith("attachment; filename=\"penalty-decision-" + first.id() + ".pdf\"");
    String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
    assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo("行政处罚决定书-湖环罚〔2026〕31号.pdf");
    assertThat(DocumentRendererTest.squeeze(DocumentRendererTest.pdfText(pdf.getResponse().getContentAsByteArray())))
        .contains("湖州绿源印染有限公司", "人民币壹拾伍万元整（¥150,000.00）");

    MvcResult docx = mvc.perform(get("/api/cases/{caseNo}/documents/{id}/docx", caseNo, second.id()).with(Logins.admin()))
        .andExpect(status().isOk())
        .andExpect(content().contentType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        .andReturn();
    assertThat(docx.getResponse().getHeader("Content-Disposition"))
        .contains("filename*=UTF-8''" + java.net.URLEncoder.encode("行政处罚决定书-湖环罚〔2026〕31号-第2版.docx",
            StandardCharsets.UTF_8));
    assertThat(String.join("\n", DocumentRendererTest.docxParagraphs(docx.getResponse().getContentAsByteArray())))
        .contains("当事人：乙公司", "人民币贰拾万元整（¥200,000.00）", "湖州市吴兴区人民法院")
        .contains("法定代表人（负责人）：" + DocumentValues.BLANK);
  }

  @Test
  void unknownOrForeignDocumentIsDoc404() throws Exception {
    GeneratedDocument own = documents.generate("湖环罚〔2026〕40号", DocumentType.SERVICE_RECEIPT,
        DocumentSamples.data(DocumentType.SERVICE_RECEIPT), "officer1");

    assertThatThrownBy(() -> documents.pdf("湖环罚〔2026〕41号", own.id()))
        .isInstanceOf(PlatformException.class)
        .extracting(e -> ((PlatformException) e).getCode()).isEqualTo("DOC-404");
    assertThatThrownBy(() -> documents.docx("湖环罚〔2026〕40号", 987654L))
        .isInstanceOf(PlatformException.class)
        .extracting(e -> ((PlatformException) e).getCode()).isEqualTo("DOC-404");

    mvc.perform(get("/api/cases/{caseNo}/documents/{id}/pdf", "湖环罚〔2026〕41号", own.id()).with(Logins.admin()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("DOC-404"))
        .andExpect(header().doesNotExist("Content-Disposition"));
    mvc.perform(get("/api/cases/{caseNo}/documents", "湖环罚〔2026〕99号").with(Logins.admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(0));
  }

  @Test
  void badRequestsChangeNothing() {
    assertThatThrownBy(() -> documents.generate(" ", DocumentType.REMINDER, Map.of(), "officer1"))
        .extracting(e -> ((PlatformException) e).getCode()).isEqualTo("DOC-001");
    assertThatThrownBy(() -> documents.generate("湖环罚〔2026〕50号", null, Map.of(), "officer1"))
        .extracting(e -> ((PlatformException) e).getCode()).isEqualTo("DOC-002");
    assertThat(documents.list("湖环罚〔2026〕50号")).isEmpty();
  }
}
