-- H2 (engine.EngineTableMigrations, after the engine created its tables): the process instances that carry a case
-- number are found by the value of their variable caseNo; the same index as on PostgreSQL (there partial, see
-- db/engine-migration-postgres/V181), here on (NAME_, TEXT_): H2 has no entry-size limit.
CREATE INDEX IF NOT EXISTS eco_idx_hi_varinst_case_no ON ACT_HI_VARINST (NAME_, TEXT_);
