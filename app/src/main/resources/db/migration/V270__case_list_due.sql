-- 案件清单的最近法定期限（issue 14）：每件案件、每个可查看该案件的单位一行（unit = '*'：不受单位限制的管理员），
-- 为该单位可以查看的、载有本案案号的流程实例中未办结任务的最早到期时间。案件清单按它排序、按“本周到期/已超期”筛选，
-- 不再在每次查询时汇总全部待办任务。由 engine.CaseListDue 在引擎事务提交前按本事务改动的流程实例刷新，
-- 应用启动时整表重建（也填入本迁移之前已有的案件）。
CREATE TABLE case_list_due (
    case_no   VARCHAR(64) NOT NULL,
    unit      VARCHAR(64) NOT NULL,
    next_due  TIMESTAMP,
    due_day   DATE,
    PRIMARY KEY (case_no, unit)
);
CREATE INDEX idx_case_list_due_unit_day ON case_list_due (unit, due_day, case_no);
