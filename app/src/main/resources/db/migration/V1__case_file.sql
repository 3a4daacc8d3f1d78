-- 案件主表：一个行政处罚案件一行，由流程实例驱动更新。
CREATE TABLE case_file (
    case_no              VARCHAR(64)   NOT NULL PRIMARY KEY,
    process_instance_id  VARCHAR(64),
    party_name           VARCHAR(200)  NOT NULL,
    party_type           VARCHAR(20)   NOT NULL,
    party_id             VARCHAR(32)   NOT NULL,
    region               VARCHAR(200)  NOT NULL,
    domain               VARCHAR(20)   NOT NULL,
    violation_type       VARCHAR(40)   NOT NULL,
    clue_source          VARCHAR(20)   NOT NULL,
    status               VARCHAR(40)   NOT NULL,
    outcome              VARCHAR(40),
    created_at           TIMESTAMP     NOT NULL,
    updated_at           TIMESTAMP     NOT NULL
);
CREATE INDEX idx_case_file_pi ON case_file(process_instance_id);

-- 案号序号：按机关简称与年度递增。
CREATE TABLE case_number_sequence (
    prefix      VARCHAR(40) NOT NULL,
    year_no     INT         NOT NULL,
    next_value  INT         NOT NULL,
    PRIMARY KEY (prefix, year_no)
);
