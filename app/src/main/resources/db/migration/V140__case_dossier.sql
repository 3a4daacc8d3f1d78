-- 电子卷宗：结案时自动立卷归档，一案一卷；案件此后有变更的另立新版本，旧版本原样保留（不覆盖、不修改）。
CREATE TABLE case_dossier (
    case_no      VARCHAR(64)   NOT NULL,
    version      INT           NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    created_by   VARCHAR(64)   NOT NULL,
    reason       VARCHAR(500)  NOT NULL,
    fingerprint  VARCHAR(64)   NOT NULL,
    sha256       VARCHAR(64)   NOT NULL,
    page_count   INT           NOT NULL,
    pdf          BYTEA         NOT NULL,
    CONSTRAINT pk_case_dossier PRIMARY KEY (case_no, version)
);
