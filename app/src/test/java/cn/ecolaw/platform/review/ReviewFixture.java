package cn.ecolaw.platform.review;

import cn.ecolaw.platform.cases.CaseFile;
import cn.ecolaw.platform.cases.CaseFileRepository;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Closed penalty cases of the bureau (湖环罚, year 2025) to review, registered as the enforcement flow closes them. */
final class ReviewFixture {

  private static final AtomicInteger SERIAL = new AtomicInteger(700000 + (int) (System.nanoTime() % 90000));

  private ReviewFixture() {}

  static String closedCase(CaseFileRepository cases) {
    String caseNo = "湖环罚〔2025〕" + SERIAL.incrementAndGet() + "号";
    Instant now = Instant.now();
    cases.insert(new CaseFile(caseNo, null, "湖州评查测试化工有限公司", "ENTERPRISE", "91330502MA2B3C4D5X",
        "浙江省湖州市吴兴区", "WATER", "WATER_EXCEED", "INSPECTION", "CLOSED", "PAID", now, now));
    return caseNo;
  }
}
