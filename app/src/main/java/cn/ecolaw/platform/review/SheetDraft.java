package cn.ecolaw.platform.review;

import java.math.BigDecimal;
import java.util.List;

/** A new version of the scoring sheet as the review office submits it ({@code POST /api/reviews/sheet}). */
public record SheetDraft(String note, List<Item> items) {

  /** {@code stage} is a {@link ReviewStage} name; veto items carry no points. */
  public record Item(String itemCode, String stage, String itemName, BigDecimal maxPoints, Boolean veto) {}
}
