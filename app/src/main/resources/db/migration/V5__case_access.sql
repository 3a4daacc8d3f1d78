-- 案件访问授权：哪些成员单位可以查看某一案件（立案登记时授予生态环境局，申请非诉执行时授予法院）。
CREATE TABLE case_access (
    case_no     VARCHAR(64)   NOT NULL,
    unit        VARCHAR(64)   NOT NULL,
    granted_at  TIMESTAMP     NOT NULL,
    reason      VARCHAR(500),
    PRIMARY KEY (case_no, unit)
);
CREATE INDEX idx_case_access_unit ON case_access(unit);
