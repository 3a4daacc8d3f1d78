-- PostgreSQL only (engine.EngineTableMigrations, after the engine created its tables): the process instances that
-- carry a case number are found by the value of their variable caseNo (the case page's related processes and
-- incidents, the case list's flows and deadlines). Camunda indexes ACT_HI_VARINST by (NAME_, VAR_TYPE_) only, so
-- looking up one case number read every caseNo variable of the history. A partial index: only the caseNo rows are
-- indexed (a full index on TEXT_ would refuse long texts such as facts, beyond btree's 2,704 bytes per entry).
CREATE INDEX IF NOT EXISTS eco_idx_hi_varinst_case_no ON act_hi_varinst (text_, proc_inst_id_) WHERE name_ = 'caseNo';
