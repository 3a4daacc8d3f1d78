package cn.ecolaw.platform.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.workflow.FormSchema;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 8: a case start may carry the fields of the start form {@code enforcement-start} and the case number, nothing
 * else ({@link CaseStartValidator#START_KEYS}); this test fails when the form and the list drift apart.
 */
class CaseStartKeysTest {

  @Test
  void theKeysACaseStartMayCarryAreTheStartFormsFieldsAndTheCaseNumber() throws Exception {
    Set<String> form = new TreeSet<>();
    try (InputStream in = getClass().getResourceAsStream("/forms/enforcement-start.form")) {
      FormSchema.parse(new ObjectMapper().readTree(in)).fields().forEach(f -> form.add(f.key()));
    }
    form.add("caseNo");
    assertThat(new TreeSet<>(CaseStartValidator.START_KEYS)).isEqualTo(form);
  }
}
