package cn.ecolaw.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.court.NonLitigationExecution;
import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.injunction.Injunctions;
import cn.ecolaw.platform.restoration.Restorations;
import org.junit.jupiter.api.Test;

/** Identity names the process keys it grants on itself (it sits below the processes); they must stay the same. */
class ProcessKeysTest {

  @Test
  void identityNamesTheSameProcessKeysAsTheProcesses() {
    assertThat(ProcessKeys.ENFORCEMENT_CASE).isEqualTo(CaseLauncher.PROCESS_KEY);
    assertThat(ProcessKeys.NON_LITIGATION_EXECUTION).isEqualTo(NonLitigationExecution.PROCESS_KEY);
    assertThat(ProcessKeys.INJUNCTION).isEqualTo(Injunctions.PROCESS_KEY);
    assertThat(ProcessKeys.RESTORATION).isEqualTo(Restorations.PROCESS_KEY);
    assertThat(ProcessKeys.JUDICIAL_SUGGESTION).isEqualTo(cn.ecolaw.platform.suggestion.JudicialSuggestions.PROCESS_KEY);
    assertThat(ProcessKeys.INSPECTION_DISPATCH).isEqualTo(cn.ecolaw.platform.dispatch.Inspections.PROCESS_KEY);
    assertThat(ProcessKeys.CLUE_TRANSFER).isEqualTo(cn.ecolaw.platform.cooperation.ClueTransfers.PROCESS_KEY);
    assertThat(ProcessKeys.CONSULTATION).isEqualTo(cn.ecolaw.platform.cooperation.Consultations.PROCESS_KEY);
  }
}
