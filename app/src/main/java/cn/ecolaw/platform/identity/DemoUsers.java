package cn.ecolaw.platform.identity;

import java.util.List;

/** The member units, their groups and the demo users of DESIGN.md ("Member units and roles"). */
public final class DemoUsers {

  public record Unit(String id, String name) {}

  /** firstName carries the full Chinese name, lastName the post: the webapps show "firstName lastName". */
  public record Role(String userId, String group, String groupName, String unit, String firstName, String lastName) {}

  public static final List<Unit> UNITS = List.of(
      new Unit("unit-bureau", "湖州市生态环境局"),
      new Unit("unit-court", "湖州市吴兴区人民法院"),
      new Unit("unit-mediation", "湖州市环境纠纷人民调解委员会"),
      new Unit("unit-appraisal", "浙江环科环境损害司法鉴定所"),
      new Unit("unit-review", "浙江省生态环境厅案卷评查办公室"),
      // issue 13: the member units that hand each other clues and consult (ids stable: flows address units by id)
      new Unit("unit-procuratorate", "湖州市吴兴区人民检察院"),
      new Unit("unit-police", "湖州市公安局吴兴分局"),
      new Unit("unit-natural-resources", "湖州市自然资源和规划局"),
      new Unit("unit-agriculture", "湖州市农业农村局"),
      new Unit("unit-expert", "湖州市生态环境咨询专家库"));

  public static final List<Role> ROLES = List.of(
      new Role("officer1", "eco-officer", "执法人员", "unit-bureau", "张伟", "执法人员"),
      new Role("legal1", "eco-legal", "法制审核人员", "unit-bureau", "李娜", "法制审核"),
      new Role("head1", "eco-head", "局负责人", "unit-bureau", "王建国", "局负责人"),
      new Role("filing1", "court-filing", "立案庭", "unit-court", "赵敏", "立案庭"),
      new Role("judge1", "court-judge", "承办法官", "unit-court", "钱正", "承办法官"),
      new Role("exec1", "court-enforcement", "执行员", "unit-court", "孙强", "执行员"),
      new Role("mediator1", "mediator", "调解员", "unit-mediation", "周和", "调解员"),
      new Role("appraiser1", "appraiser", "鉴定机构", "unit-appraisal", "吴鉴", "鉴定人"),
      new Role("reviewer1", "reviewer-city", "市级评查员", "unit-review", "郑平", "市级评查员"),
      new Role("reviewer2", "reviewer-province", "省级评查员", "unit-review", "冯远", "省级评查员"),
      new Role("arbiter1", "review-arbiter", "评查专家", "unit-review", "陈衡", "评查专家"),
      // 执法任务指派 (issue 13): inspections go to pairs of officers, nearest first
      new Role("officer2", "eco-officer", "执法人员", "unit-bureau", "刘洋", "执法人员"),
      new Role("officer3", "eco-officer", "执法人员", "unit-bureau", "陈静", "执法人员"),
      new Role("prosecutor1", "procuratorate", "检察官", "unit-procuratorate", "沈检", "检察官"),
      new Role("police1", "police", "公安民警", "unit-police", "韩警", "民警"),
      new Role("nr1", "natural-resources", "自然资源执法人员", "unit-natural-resources", "杨土", "执法人员"),
      new Role("agri1", "agriculture", "农业执法人员", "unit-agriculture", "朱禾", "执法人员"),
      new Role("expert1", "expert", "咨询专家", "unit-expert", "秦博", "咨询专家"),
      new Role("analyst1", "policy-analyst", "政策分析员", "unit-bureau", "褚明", "政策分析员"),
      new Role("supervisor1", "eco-supervisor", "执法监督人员", "unit-bureau", "韩立新", "执法监督"),
      new Role("admin", "camunda-admin", "系统管理员", "unit-bureau", "系统", "管理员"));

  private DemoUsers() {}

  /** The Chinese name of a workflow group (a candidate group of the flows), or {@code null} when it is not one. */
  public static String groupName(String groupId) {
    if (groupId == null) {
      return null;
    }
    for (Role role : ROLES) {
      if (role.group().equals(groupId)) {
        return role.groupName();
      }
    }
    return null;
  }
}
