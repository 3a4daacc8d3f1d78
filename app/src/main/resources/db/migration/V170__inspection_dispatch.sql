-- 执法任务指派（issue 13 第4点）：污染源名录、执法人员名录（位置与片区）、检查任务与双随机抽查记录。

-- 污染源名录（双随机抽查的对象库；在线监控报警与举报按名录中的污染源编号指明对象）。
-- 经纬度可空：没有位置的污染源按片区（area）指派。
CREATE TABLE pollution_source (
    source_id            VARCHAR(40)   NOT NULL PRIMARY KEY,
    name                 VARCHAR(200)  NOT NULL,
    credit_code          VARCHAR(18)   NOT NULL,
    legal_representative VARCHAR(100),
    address              VARCHAR(300)  NOT NULL,
    region               VARCHAR(100)  NOT NULL,
    area                 VARCHAR(100)  NOT NULL,
    domain               VARCHAR(20)   NOT NULL,
    latitude             DOUBLE PRECISION,
    longitude            DOUBLE PRECISION,
    active               BOOLEAN       NOT NULL
);

-- 执法人员名录：平台用户（执法人员岗位）、执法证号、所在片区与常驻位置（可空）。
CREATE TABLE inspection_officer (
    user_id     VARCHAR(64)   NOT NULL PRIMARY KEY,
    name        VARCHAR(100)  NOT NULL,
    unit        VARCHAR(64)   NOT NULL,
    cert_no     VARCHAR(40)   NOT NULL,
    area        VARCHAR(100)  NOT NULL,
    latitude    DOUBLE PRECISION,
    longitude   DOUBLE PRECISION,
    active      BOOLEAN       NOT NULL
);

-- 双随机抽查：随机种子与抽取结果一并记录，同一种子、同一名录可复现同一结果。
CREATE TABLE inspection_draw (
    draw_id        VARCHAR(40)    NOT NULL PRIMARY KEY,
    seed           BIGINT         NOT NULL,
    requested      INT            NOT NULL,
    area           VARCHAR(100),
    source_ids     VARCHAR(4000)  NOT NULL,
    officer_pairs  VARCHAR(4000)  NOT NULL,
    drawn_by       VARCHAR(64)    NOT NULL,
    drawn_at       TIMESTAMP      NOT NULL
);

-- 检查任务：一个 inspection-dispatch 流程一行（督办统计：已指派、已完成、逾期，按单位和执法人员）。
CREATE TABLE inspection_task (
    inspection_no        VARCHAR(64)   NOT NULL PRIMARY KEY,
    process_instance_id  VARCHAR(64),
    trigger_kind         VARCHAR(20)   NOT NULL,
    source_id            VARCHAR(40)   NOT NULL,
    unit                 VARCHAR(64)   NOT NULL,
    lead_officer         VARCHAR(64)   NOT NULL,
    second_officer       VARCHAR(64)   NOT NULL,
    draw_id              VARCHAR(40),
    dispatched_at        TIMESTAMP     NOT NULL,
    due_at               TIMESTAMP     NOT NULL,
    done_at              TIMESTAMP,
    outcome              VARCHAR(20),
    case_no              VARCHAR(64)
);
CREATE INDEX idx_inspection_task_lead ON inspection_task(lead_officer);
