package cn.ecolaw.platform.review;

import cn.ecolaw.platform.identity.CaseAccess;
import cn.ecolaw.platform.shared.AgencyProperties;
import cn.ecolaw.platform.shared.PlatformException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draws closed enforcement cases of a unit for review: the unit's closed files not yet under review, in case-number
 * order, shuffled with {@code new Random(seed)}; the first N are taken. The seed is recorded with the sample, so the
 * same seed over the same files draws the same files. Sample, processes and review rows are one transaction.
 */
@Service
public class ReviewSampling {

  static final int MAX_COUNT = 50;

  private final ReviewRepository reviews;
  private final CaseReview caseReview;
  private final AgencyProperties agency;
  private final CaseAccess access;
  private final ReviewOffice office;

  public ReviewSampling(ReviewRepository reviews, CaseReview caseReview, AgencyProperties agency, CaseAccess access,
      ReviewOffice office) {
    this.reviews = reviews;
    this.caseReview = caseReview;
    this.agency = agency;
    this.access = access;
    this.office = office;
  }

  @Transactional
  public Sample draw(SampleRequest request, String user) {
    if (request == null) {
      throw PlatformException.badRequest("REV-012", "请填写抽查单位和数量");
    }
    String unit = unit(request.unit());
    List<String> candidates = reviews.closedCasesNotUnderReview(agency.shortName() + "罚");
    boolean designated = request.caseNos() != null && !request.caseNos().isEmpty();
    List<String> chosen;
    long seed;
    if (designated) {
      chosen = designated(request.caseNos(), candidates);
      seed = 0L;
    } else {
      int count = count(request.count());
      if (candidates.isEmpty()) {
        throw PlatformException.conflict("REV-011", unit + "没有可供抽查的已结案件（已在评查中的案卷不重复抽取）");
      }
      seed = request.seed() != null ? request.seed() : new SecureRandom().nextLong();
      chosen = pick(candidates, count, seed);
    }
    int requested = designated ? chosen.size() : request.count();
    long sampleId = reviews.insertSample(unit, seed, requested, chosen.size(), user == null ? "system" : user);
    List<Sample.Drawn> drawn = new ArrayList<>();
    for (String caseNo : chosen) {
      // the review first: the unique key on review_case decides between parallel draws of one file (REV-015)
      Sample.Drawn d = caseReview.start(caseNo, unit, sampleId);
      // the reviewers read the whole case file (case, documents, trail); the bureau sees the review instance
      access.grant(caseNo, office.unit(), "案卷评查（抽查批次" + sampleId + "）");
      access.processStarted(caseNo, d.processInstanceId(), CaseReview.PROCESS_KEY);
      drawn.add(d);
    }
    return new Sample(sampleId, unit, seed, candidates.size(), drawn);
  }

  /** The first {@code count} of the candidates shuffled with {@code new Random(seed)}: same seed, same files. */
  static List<String> pick(List<String> candidates, int count, long seed) {
    List<String> shuffled = new ArrayList<>(candidates);
    Collections.shuffle(shuffled, new Random(seed));
    return List.copyOf(shuffled.subList(0, Math.min(count, shuffled.size())));
  }

  private String unit(String unit) {
    if (unit == null || unit.isBlank()) {
      return agency.name();
    }
    if (!unit.equals(agency.name()) && !unit.equals("unit-bureau")) {
      throw PlatformException.badRequest("REV-010", "未知的被评查单位：" + unit + "（可抽查：" + agency.name() + "）");
    }
    return agency.name();
  }

  private static int count(Integer count) {
    if (count == null || count < 1 || count > MAX_COUNT) {
      throw PlatformException.badRequest("REV-012", "抽查数量应为 1 至 " + MAX_COUNT + " 件");
    }
    return count;
  }

  private List<String> designated(List<String> caseNos, List<String> candidates) {
    List<String> out = new ArrayList<>();
    for (String caseNo : caseNos) {
      if (!candidates.contains(caseNo) && reviews.underReview(caseNo)) {
        throw PlatformException.conflict("REV-015", "案卷" + caseNo + "已被抽取评查，同一案卷不重复评查；请刷新后重新抽查");
      }
      if (!candidates.contains(caseNo)) {
        throw PlatformException.badRequest("REV-013", "案件 " + caseNo + " 不是本单位已结案件，或已在评查中");
      }
      if (!out.contains(caseNo)) {
        out.add(caseNo);
      }
    }
    return out;
  }
}
