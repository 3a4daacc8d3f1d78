package cn.ecolaw.platform.discretion;

import java.math.BigDecimal;

/** A daily continuous penalty (按日连续处罚): the counted days, the amount and its written basis. */
public record DailyPenalty(long days, BigDecimal amount, String basis) {}
