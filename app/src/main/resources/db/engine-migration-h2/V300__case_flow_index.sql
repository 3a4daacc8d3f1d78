-- H2 (engine.EngineTableMigrations): the same index as on PostgreSQL (db/engine-migration-postgres/V300) for the case
-- list's flow filter: the case numbers carried by the instances of one process key. H2 has no partial index, so the
-- variable's name leads.
CREATE INDEX IF NOT EXISTS eco_idx_hi_varinst_case_flow ON ACT_HI_VARINST (NAME_, PROC_DEF_KEY_, TEXT_, PROC_INST_ID_);
