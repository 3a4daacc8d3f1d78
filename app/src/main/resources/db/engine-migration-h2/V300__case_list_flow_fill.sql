-- H2 (engine.EngineTableMigrations): fills the case list's flow projection (case_list_flow) with the instances of
-- before, as on PostgreSQL (db/engine-migration-postgres/V300). Idempotent.
MERGE INTO case_list_flow (case_no, process_instance_id, flow) KEY (case_no, process_instance_id)
SELECT DISTINCT v.TEXT_, p.ID_, p.PROC_DEF_KEY_ FROM ACT_HI_VARINST v JOIN ACT_HI_PROCINST p ON p.ID_ = v.PROC_INST_ID_
 WHERE v.NAME_ = 'caseNo' AND v.TEXT_ IS NOT NULL AND LENGTH(v.TEXT_) <= 64 AND p.PROC_DEF_KEY_ IS NOT NULL;
