package cn.ecolaw.platform.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The note beside the pre-filled violation count stays within a text variable (4,000) for a frequent offender. */
class ViolationCountNoteTest {

  @Test
  void aFewEarlierCasesAreAllNamed() {
    String note = ViolationCountListener.note(new PartyFile.Computed(3, List.of("湖环罚〔2026〕1号", "湖环罚〔2026〕2号")), null);

    assertThat(note).contains("两年内违法3次", "湖环罚〔2026〕1号、湖环罚〔2026〕2号", "已预填3次");
  }

  @Test
  void aFrequentOffendersNoteNamesTheFirstCasesAndCountsTheRest() {
    List<String> earlier = IntStream.rangeClosed(1, 600).mapToObj(i -> "湖环罚〔2026〕" + i + "号").toList();

    String note = ViolationCountListener.note(new PartyFile.Computed(601, earlier), 2);

    assertThat(note.length()).isLessThan(4000);
    assertThat(note).contains("湖环罚〔2026〕20号等600件（全部见当事人档案）", "立案时填写2次")
        .doesNotContain("湖环罚〔2026〕21号");
  }
}
