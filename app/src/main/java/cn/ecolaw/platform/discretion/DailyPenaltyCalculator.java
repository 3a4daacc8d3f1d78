package cn.ecolaw.platform.discretion;

import cn.ecolaw.platform.shared.PlatformException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * 按日连续处罚 (EPL 59; MEP Order 28 Arts 10, 17, 19): the original fine times the days from the day after the
 * correction order was served to the day re-inspection found the violation (inclusive). Re-inspection must take
 * place within 30 days of service.
 */
@Component
public class DailyPenaltyCalculator {

  /** MEP Order 28 Art 10: re-inspection within 30 days of serving the correction order. */
  static final long REINSPECTION_WINDOW_DAYS = 30;

  public DailyPenalty compute(BigDecimal originalFine, LocalDate orderServed, LocalDate reinspection) {
    if (originalFine == null || orderServed == null || reinspection == null) {
      throw PlatformException.badRequest("DISC-022", "原处罚数额、责令改正决定书送达日期和复查日期均不能为空");
    }
    if (originalFine.signum() <= 0) {
      throw PlatformException.badRequest("DISC-023", "按日连续处罚的原处罚数额必须大于零");
    }
    if (!reinspection.isAfter(orderServed)) {
      throw PlatformException.badRequest("DISC-021",
          "复查日期（" + reinspection + "）必须晚于责令改正决定书送达日期（" + orderServed + "）");
    }
    long days = ChronoUnit.DAYS.between(orderServed, reinspection);
    if (days > REINSPECTION_WINDOW_DAYS) {
      throw PlatformException.badRequest("DISC-020",
          "复查应当在责令改正决定书送达之日起三十日内进行，本案相隔" + days + "日，不能按日连续处罚");
    }
    BigDecimal amount = originalFine.multiply(BigDecimal.valueOf(days));
    String basis = "依据《中华人民共和国环境保护法》第五十九条和《环境保护主管部门实施按日连续处罚办法》第十七条、第十九条，"
        + "自责令改正违法行为决定书送达之日的次日（" + orderServed.plusDays(1) + "）起至复查发现违法排污行为之日（"
        + reinspection + "）止，计罚" + days + "日，按原处罚数额" + DiscretionResult.yuan(originalFine)
        + "按日连续处罚，合计" + DiscretionResult.yuan(amount) + "。";
    return new DailyPenalty(days, amount, basis);
  }
}
