-- 案件清单按流程筛选（issue 14，/api/workspace/cases?flow=）：每个载有案号（流程变量 caseNo）的流程实例一行，
-- 记其流程标识（process key）。由 engine.CaseListDue 与 case_list_due 一并在引擎事务提交前刷新，启动时随之重建；
-- 本迁移之前已有的实例由引擎表迁移 V300（db/engine-migration-*，引擎建表之后）填入。
-- 案号长于 64 字符的变量值不可能是 case_file 的案号，不入表。
CREATE TABLE IF NOT EXISTS case_list_flow (
    case_no             VARCHAR(64)  NOT NULL,
    process_instance_id VARCHAR(64)  NOT NULL,
    flow                VARCHAR(255) NOT NULL,
    PRIMARY KEY (case_no, process_instance_id)
);
CREATE INDEX IF NOT EXISTS idx_case_list_flow ON case_list_flow (flow, case_no, process_instance_id);
