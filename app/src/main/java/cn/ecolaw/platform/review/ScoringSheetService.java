package cn.ecolaw.platform.review;

import cn.ecolaw.platform.shared.PlatformException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scoring sheet is data: the review office reads it and publishes new versions without a release. A version is
 * never changed once published; each score records the version it was given on.
 */
@Service
public class ScoringSheetService {

  static final BigDecimal FULL_MARKS = new BigDecimal("100");
  private static final Pattern CODE = Pattern.compile("[A-Z]{2,5}-\\d{2}");

  private final ScoringSheetRepository repository;

  public ScoringSheetService(ScoringSheetRepository repository) {
    this.repository = repository;
  }

  public ScoringSheet current() {
    int version = repository.latestVersion()
        .orElseThrow(() -> PlatformException.notFound("REV-020", "尚未发布评查表"));
    return version(version);
  }

  public ScoringSheet version(int version) {
    return repository.find(version)
        .orElseThrow(() -> PlatformException.notFound("REV-020", "评查表第 " + version + " 版不存在"));
  }

  /** Checks and publishes the draft as the next version; returns it. */
  @Transactional
  public ScoringSheet publish(SheetDraft draft, String user) {
    if (draft == null || draft.items() == null || draft.items().isEmpty()) {
      throw PlatformException.badRequest("REV-022", "评查表至少应有一个评查项目");
    }
    List<SheetItem> items = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    int order = 0;
    for (SheetDraft.Item d : draft.items()) {
      items.add(item(d, codes, ++order));
    }
    checkFullMarks(items);
    int next = repository.latestVersion().orElse(0) + 1;
    ScoringSheet sheet = new ScoringSheet(next, draft.note(), user == null ? "system" : user,
        ScoringSheetRepository.now(), items);
    try {
      repository.insert(sheet);
    } catch (DuplicateKeyException e) {
      throw PlatformException.conflict("REV-027", "评查表第 " + next + " 版已由他人发布，请刷新后重试");
    }
    return version(next);
  }

  private static SheetItem item(SheetDraft.Item d, Set<String> codes, int order) {
    if (d.itemCode() == null || !CODE.matcher(d.itemCode()).matches()) {
      throw PlatformException.badRequest("REV-023", "项目代码格式应为“大写字母-两位数字”，如 INV-02：" + d.itemCode());
    }
    if (!codes.add(d.itemCode())) {
      throw PlatformException.badRequest("REV-024", "项目代码重复：" + d.itemCode());
    }
    if (d.itemName() == null || d.itemName().isBlank()) {
      throw PlatformException.badRequest("REV-025", "评查项目 " + d.itemCode() + " 缺少内容");
    }
    ReviewStage stage = ReviewStage.parse(d.stage());
    boolean veto = Boolean.TRUE.equals(d.veto());
    BigDecimal points = d.maxPoints() == null ? BigDecimal.ZERO : d.maxPoints();
    if (veto && points.signum() != 0) {
      throw PlatformException.badRequest("REV-026", "一票否决项 " + d.itemCode() + " 不设分值");
    }
    if (!veto && points.signum() <= 0) {
      throw PlatformException.badRequest("REV-026", "评分项 " + d.itemCode() + " 的分值应大于 0");
    }
    return new SheetItem(d.itemCode(), stage, d.itemName().trim(), points, veto, order);
  }

  private static void checkFullMarks(List<SheetItem> items) {
    BigDecimal total = items.stream().filter(i -> !i.veto()).map(SheetItem::maxPoints)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    if (total.compareTo(FULL_MARKS) != 0) {
      throw PlatformException.badRequest("REV-028",
          "评分项分值合计应为 100 分，当前为 " + ScoringSheet.points(total) + " 分");
    }
  }
}
