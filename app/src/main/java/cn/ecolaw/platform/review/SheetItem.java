package cn.ecolaw.platform.review;

import java.math.BigDecimal;

/** One line of the scoring sheet: a veto item (一票否决, no points) or an item worth up to {@code maxPoints}. */
public record SheetItem(String itemCode, ReviewStage stage, String itemName, BigDecimal maxPoints, boolean veto,
    int sortOrder) {}
