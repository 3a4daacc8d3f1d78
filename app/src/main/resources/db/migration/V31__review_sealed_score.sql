-- 案卷评查：各级评分在两级评分齐备之前“密封”保存于此，不作为流程变量，另一级评查员通过任务、流程变量或历史均读不到、改不了；
-- 两级评分齐备后（比对两级评分）由平台写回流程变量。
CREATE TABLE review_sealed_score (
    process_instance_id  VARCHAR(64)   NOT NULL,
    tier                 VARCHAR(20)   NOT NULL,
    total_score          NUMERIC(5,1)  NOT NULL,
    veto_failed          BOOLEAN       NOT NULL,
    veto_items           VARCHAR(500),
    deductions           TEXT,
    opinion              TEXT,
    scored_by            VARCHAR(64),
    scored_at            TIMESTAMP     NOT NULL,
    PRIMARY KEY (process_instance_id, tier)
);
