package cn.ecolaw.platform.review;

import cn.ecolaw.platform.identity.AccessProperties;
import cn.ecolaw.platform.identity.Caller;
import cn.ecolaw.platform.shared.PlatformException;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The review office (unit {@code platform.review.unit}, default unit-review) and who may do what on {@code
 * /api/reviews}: the office draws samples; the office and the policy analyst publish the scoring sheet; the office,
 * the bureau head and the analyst read the statistics; every signed-in user reads the sheet.
 */
@Component
public class ReviewOffice {

  static final String ANALYST = "policy-analyst";
  static final String BUREAU_HEAD = "eco-head";

  private final String unit;
  private final AccessProperties properties;
  private final Caller caller;

  public ReviewOffice(@Value("${platform.review.unit:unit-review}") String unit, AccessProperties properties,
      Caller caller) {
    this.unit = unit;
    this.properties = properties;
    this.caller = caller;
  }

  public String unit() {
    return unit;
  }

  public void mayDrawSamples() {
    require(Set.copyOf(properties.groupsOf(unit)), "抽取评查案卷");
  }

  public void mayPublishSheet() {
    Set<String> groups = new java.util.HashSet<>(properties.groupsOf(unit));
    groups.add(ANALYST);
    require(groups, "发布评查表");
  }

  public void mayReadStatistics() {
    Set<String> groups = new java.util.HashSet<>(properties.groupsOf(unit));
    groups.add(ANALYST);
    groups.add(BUREAU_HEAD);
    require(groups, "查看评查统计");
  }

  private void require(Set<String> allowed, String action) {
    if (caller.unrestricted()) {
      return;
    }
    List<String> mine = caller.groups();
    if (mine.stream().noneMatch(allowed::contains)) {
      throw new PlatformException(403, "AUTH-010", "无权" + action + "：仅限案卷评查办公室等相关人员");
    }
  }
}
