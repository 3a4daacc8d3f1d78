-- 留痕：每个案件一条哈希链。每条记录带前一条记录的哈希（第一条的前哈希为 64 个 0），
-- 哈希 = SHA-256（本条各字段的规范序列化 + 前哈希）。记录只追加，程序中没有修改或删除记录的路径。
CREATE TABLE audit_entry (
    id                   VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_no              VARCHAR(64)   NOT NULL,
    seq                  BIGINT        NOT NULL,
    occurred_at          TIMESTAMP     NOT NULL,
    user_id              VARCHAR(64)   NOT NULL,
    unit                 VARCHAR(200),
    action               VARCHAR(40)   NOT NULL,
    target               VARCHAR(500),
    detail               TEXT,
    source               VARCHAR(100)  NOT NULL,
    process_instance_id  VARCHAR(64),
    history_ref          VARCHAR(64),
    prev_hash            VARCHAR(64)   NOT NULL,
    hash                 VARCHAR(64)   NOT NULL,
    CONSTRAINT uq_audit_entry_seq UNIQUE (case_no, seq)
);

-- 链头：每个案件一行，追加记录时在同一事务中 SELECT ... FOR UPDATE 锁定，使并发追加排成一条线。
CREATE TABLE audit_chain_head (
    case_no    VARCHAR(64)  NOT NULL PRIMARY KEY,
    last_seq   BIGINT       NOT NULL,
    last_hash  VARCHAR(64)  NOT NULL
);
