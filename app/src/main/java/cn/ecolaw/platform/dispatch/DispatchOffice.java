package cn.ecolaw.platform.dispatch;

import cn.ecolaw.platform.identity.AccessProperties;
import cn.ecolaw.platform.identity.Caller;
import cn.ecolaw.platform.shared.PlatformException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may do what on the inspection endpoints. Alarms ({@code POST /api/alarms}) are posted by the bureau: the online
 * monitoring platform signs in with a bureau account (a member of one of the bureau's case groups; a machine account
 * in its own group is added to {@code platform.access.case-groups.unit-bureau}), as do officers registering a
 * complaint; the bureau head draws 双随机 samples; the bureau head and the supervisors ({@code eco-supervisor}) read the
 * summary; officers add photos to their inspection. The administrator may do everything.
 */
@Component
public class DispatchOffice {

  static final String BUREAU_HEAD = "eco-head";
  static final String OFFICER = "eco-officer";
  static final String SUPERVISOR = "eco-supervisor";

  private final AccessProperties properties;
  private final Caller caller;

  public DispatchOffice(AccessProperties properties, Caller caller) {
    this.properties = properties;
    this.caller = caller;
  }

  public String unit() {
    return properties.bureauUnit();
  }

  public void mayReportAlarms() {
    require(Set.copyOf(properties.groupsOf(unit())), "报送在线监控超标报警");
  }

  public void mayRegisterComplaints() {
    require(Set.copyOf(properties.groupsOf(unit())), "登记举报并指派检查");
  }

  public void mayDraw() {
    require(Set.of(BUREAU_HEAD), "组织双随机抽查");
  }

  public void mayReadSummary() {
    require(Set.of(BUREAU_HEAD, SUPERVISOR), "查看执法任务督办统计");
  }

  public void mayAddPhotos() {
    require(Set.of(OFFICER), "上传现场检查照片");
  }

  private void require(Set<String> allowed, String action) {
    if (caller.unrestricted()) {
      return;
    }
    List<String> mine = caller.groups();
    if (mine.stream().noneMatch(new HashSet<>(allowed)::contains)) {
      throw new PlatformException(403, "INS-403", "无权" + action + "：仅限生态环境局相关岗位");
    }
  }
}
