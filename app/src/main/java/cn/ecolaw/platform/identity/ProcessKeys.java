package cn.ecolaw.platform.identity;

/**
 * The keys of the processes that identity grants rights on. Identity sits below the feature packages (it may not
 * import them, see {@code ModuleBoundaryTest}), so it names the keys itself; {@code ProcessKeysTest} checks that
 * each equals the feature's own {@code PROCESS_KEY}.
 */
public final class ProcessKeys {

  private ProcessKeys() {}

  public static final String ENFORCEMENT_CASE = "enforcement-case";
  public static final String NON_LITIGATION_EXECUTION = "non-litigation-execution";
  public static final String INJUNCTION = "injunction";
  public static final String RESTORATION = "restoration";
  /** 按日连续处罚 ({@code enforcement.DailyPenaltyService.PROCESS_KEY}, arriving with feature/daily). */
  public static final String DAILY_PENALTY = "daily-penalty";
  /** 司法建议 ({@code suggestion.JudicialSuggestions.PROCESS_KEY}). */
  public static final String JUDICIAL_SUGGESTION = "judicial-suggestion";
  /** 执法任务指派 ({@code dispatch.Inspections.PROCESS_KEY}). */
  public static final String INSPECTION_DISPATCH = "inspection-dispatch";
  /** 线索移送 ({@code cooperation.ClueTransfers.PROCESS_KEY}). */
  public static final String CLUE_TRANSFER = "clue-transfer";
  /** 在线会商/专家咨询 ({@code cooperation.Consultations.PROCESS_KEY}). */
  public static final String CONSULTATION = "consultation";
}
