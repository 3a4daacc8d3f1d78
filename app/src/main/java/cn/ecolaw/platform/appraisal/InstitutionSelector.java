package cn.ecolaw.platform.appraisal;

import cn.ecolaw.platform.shared.PlatformException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * Chooses the institution (CPL 79): the one the parties agreed on, if it is qualified for the category, its
 * certificate valid and it has no conflict with the parties; else a draw among the eligible, reproducible from its
 * recorded seed ({@code new Random(seed).nextInt(candidates)} over the candidates ordered by id).
 */
@Component
public class InstitutionSelector {

  public static final String AGREED = "AGREED";
  public static final String RANDOM = "RANDOM";

  private final InstitutionRoster roster;
  private final SecureRandom seeds = new SecureRandom();

  public InstitutionSelector(InstitutionRoster roster) {
    this.roster = roster;
  }

  /** Checks that a choice can be made (APR-01x); nothing is recorded. */
  public void check(String method, String agreedName, AppraisalCategory category, List<String> parties,
      LocalDate day, List<Long> excluded) {
    if (AGREED.equals(method)) {
      agreed(agreedName, category, parties, day, excluded);
    } else if (roster.eligible(category, parties, day, excluded).isEmpty()) {
      throw PlatformException.badRequest("APR-014", "名册中没有登记" + category.label()
          + "类别、资质有效且与当事人无利害关系的鉴定机构，无法随机选定");
    }
  }

  /** Makes and records the choice. */
  public Institution select(String appraisalNo, String caseNo, String method, String agreedName,
      AppraisalCategory category, List<String> parties, LocalDate day, List<Long> excluded) {
    check(method, agreedName, category, parties, day, excluded);
    if (AGREED.equals(method)) {
      Institution chosen = agreed(agreedName, category, parties, day, excluded);
      roster.recordSelection(appraisalNo, caseNo, AGREED, null, List.of(chosen), chosen);
      return chosen;
    }
    List<Institution> candidates = roster.eligible(category, parties, day, excluded);
    long seed = seeds.nextLong();
    Institution winner = draw(seed, candidates);
    roster.recordSelection(appraisalNo, caseNo, RANDOM, seed, candidates, winner);
    return winner;
  }

  /** The draw: reproducible from the seed and the candidates. */
  public static Institution draw(long seed, List<Institution> candidates) {
    return candidates.get(new Random(seed).nextInt(candidates.size()));
  }

  private Institution agreed(String name, AppraisalCategory category, List<String> parties, LocalDate day,
      List<Long> excluded) {
    if (name == null || name.isBlank()) {
      throw PlatformException.badRequest("APR-010", "当事人协商确定的，应当填写鉴定机构名称");
    }
    Institution i = roster.byName(name).orElseThrow(() -> PlatformException.badRequest("APR-011",
        "鉴定机构“" + name.trim() + "”不在鉴定机构名册中"));
    if (!i.qualifiedFor(category, day)) {
      throw PlatformException.badRequest("APR-012", "鉴定机构“" + i.name() + "”未登记" + category.label()
          + "类别或者资质证书已过期，不能接受委托");
    }
    if (i.conflictedWith(parties) || excluded.contains(i.id())) {
      throw PlatformException.badRequest("APR-013", "鉴定机构“" + i.name() + "”与当事人有利害关系或者已不接受本次委托，应当回避");
    }
    return i;
  }
}
