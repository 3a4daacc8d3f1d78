package cn.ecolaw.platform.discretion;

import java.math.BigDecimal;
import java.time.Instant;

/** One stored discretion evaluation of a case, with the officer's proposed fine once given. */
public record DiscretionRecord(
    long id,
    String caseNo,
    DiscretionResult result,
    BigDecimal officerFine,
    String deviationReason,
    Instant recordedAt) {}
