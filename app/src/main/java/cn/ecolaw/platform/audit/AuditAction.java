package cn.ecolaw.platform.audit;

/** What an entry of the trail records. */
public enum AuditAction {
  PROCESS_STARTED("流程启动"),
  PROCESS_ENDED("流程结束"),
  TASK_COMPLETED("办理任务"),
  TASK_CANCELLED("任务撤销"),
  VARIABLE_CHANGED("变量变更"),
  DECISION_EVALUATED("决策计算"),
  DOCUMENT_GENERATED("生成文书"),
  DOCUMENT_DOWNLOADED("下载文书"),
  CASE_VIEWED("查看案件"),
  TRAIL_VIEWED("查看留痕"),
  COMMENT_ADDED("添加意见"),
  COMMENT_UPDATED("修改意见"),
  COMMENT_DELETED("删除意见"),
  /** An attachment added to a task or instance (evidence photo, file or link): name, type, size and SHA-256. */
  ATTACHMENT_ADDED("添加附件"),
  /** A policy analyst's draft of a decision saved on the workbench (chain "决策:" + key). */
  DECISION_DRAFTED("保存决策草稿"),
  /** A decision published from the workbench: the new deployment, its version tag, the reason and the what-if. */
  DECISION_PUBLISHED("发布决策");

  private final String label;

  AuditAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
