package cn.ecolaw.platform.discretion;

import cn.ecolaw.platform.shared.PlatformException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * 加处罚款 for late payment (APL 72, ACEL 45): 3% of the fine for every day after the payment deadline, never more
 * than the fine itself. Pauses during reconsideration or litigation (APL 73) are the caller's business: pass the
 * {@code asOf} date that excludes them.
 */
@Component
public class LatePaymentSurcharge {

  static final BigDecimal DAILY_RATE = new BigDecimal("0.03");

  public BigDecimal surcharge(BigDecimal fine, LocalDate paymentDeadline, LocalDate asOf) {
    if (fine == null || paymentDeadline == null || asOf == null) {
      throw PlatformException.badRequest("DISC-024", "罚款金额、缴款期限和计算日期均不能为空");
    }
    if (fine.signum() < 0) {
      throw PlatformException.badRequest("DISC-025", "罚款金额不能为负数");
    }
    if (!asOf.isAfter(paymentDeadline)) {
      return BigDecimal.ZERO.setScale(2);
    }
    long daysLate = ChronoUnit.DAYS.between(paymentDeadline, asOf);
    BigDecimal surcharge = fine.multiply(DAILY_RATE).multiply(BigDecimal.valueOf(daysLate));
    return surcharge.min(fine).setScale(2, RoundingMode.HALF_UP);
  }
}
