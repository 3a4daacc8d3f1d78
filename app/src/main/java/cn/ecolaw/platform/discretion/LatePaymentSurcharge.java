package cn.ecolaw.platform.discretion;

import cn.ecolaw.platform.shared.PlatformException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 加处罚款 for late payment (APL 72, ACEL 45): 3% of the fine for every day after the payment deadline, never more
 * than the fine itself. APL 73: while an administrative reconsideration or an administrative suit is pending the
 * surcharge does not accrue; the pending periods ({@link Suspension}) are left out of the count, the day the
 * remedy was filed and the day its result was served included.
 */
@Component
public class LatePaymentSurcharge {

  static final BigDecimal DAILY_RATE = new BigDecimal("0.03");

  public BigDecimal surcharge(BigDecimal fine, LocalDate paymentDeadline, LocalDate asOf) {
    return surcharge(fine, paymentDeadline, asOf, List.of());
  }

  /** The surcharge as of {@code asOf}, the days of the pending remedies left out (APL 73). */
  public BigDecimal surcharge(BigDecimal fine, LocalDate paymentDeadline, LocalDate asOf, List<Suspension> suspended) {
    if (fine == null || paymentDeadline == null || asOf == null) {
      throw PlatformException.badRequest("DISC-024", "罚款金额、缴款期限和计算日期均不能为空");
    }
    if (fine.signum() < 0) {
      throw PlatformException.badRequest("DISC-025", "罚款金额不能为负数");
    }
    long daysLate = daysAccrued(paymentDeadline, asOf, suspended);
    if (daysLate <= 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal surcharge = fine.multiply(DAILY_RATE).multiply(BigDecimal.valueOf(daysLate));
    return surcharge.min(fine).setScale(2, RoundingMode.HALF_UP);
  }

  /** The days after the deadline up to {@code asOf} on which the surcharge accrues. */
  public long daysAccrued(LocalDate paymentDeadline, LocalDate asOf, List<Suspension> suspended) {
    if (!asOf.isAfter(paymentDeadline)) {
      return 0;
    }
    long days = ChronoUnit.DAYS.between(paymentDeadline, asOf);
    return days - daysSuspended(paymentDeadline, asOf, suspended);
  }

  /** The days after the deadline up to {@code asOf} that fall in a pending remedy (overlaps counted once). */
  public long daysSuspended(LocalDate paymentDeadline, LocalDate asOf, List<Suspension> suspended) {
    long count = 0;
    for (LocalDate d = paymentDeadline.plusDays(1); !d.isAfter(asOf); d = d.plusDays(1)) {
      LocalDate day = d;
      if (suspended != null && suspended.stream().anyMatch(s -> s.covers(day))) {
        count++;
      }
    }
    return count;
  }

  /**
   * A period in which a reconsideration or suit was pending: from the day it was filed to the day its result was
   * served ({@code to} null while it is still pending).
   */
  public record Suspension(LocalDate from, LocalDate to) {

    boolean covers(LocalDate day) {
      return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    /** {@code 2026-03-01/2026-04-15;2026-05-02/} (an open period has no end) - the form kept in the case. */
    public static List<Suspension> parseAll(Object text) {
      List<Suspension> out = new ArrayList<>();
      if (text == null || text.toString().isBlank()) {
        return out;
      }
      for (String part : text.toString().split(";")) {
        if (part.isBlank()) {
          continue;
        }
        String[] ends = part.split("/", -1);
        out.add(new Suspension(LocalDate.parse(ends[0].trim()),
            ends.length < 2 || ends[1].isBlank() ? null : LocalDate.parse(ends[1].trim())));
      }
      return out;
    }

    public static String formatAll(List<Suspension> periods) {
      StringBuilder b = new StringBuilder();
      for (Suspension s : periods) {
        if (!b.isEmpty()) {
          b.append(';');
        }
        b.append(s.from()).append('/').append(s.to() == null ? "" : s.to().toString());
      }
      return b.toString();
    }
  }
}
