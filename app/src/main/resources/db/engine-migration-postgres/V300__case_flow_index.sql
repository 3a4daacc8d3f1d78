-- PostgreSQL (engine.EngineTableMigrations, after the engine created its tables): the case list's flow filter
-- (engine.CaseListIndex, ?flow=): the case numbers carried by the instances of one process key, read from the index
-- alone (the historic variable caseNo keeps its instance's process key, PROC_DEF_KEY_). Without it the filter probed
-- ACT_HI_VARINST and ACT_HI_PROCINST once per case of the unit (every case for the count: 100-290 ms at 51,000 cases);
-- with it, the key's entries only. Partial, as eco_idx_hi_varinst_case_no (V181): only the caseNo rows.
-- See bench/README.md, "Case list filters at scale (session 2026-11-30)".
CREATE INDEX IF NOT EXISTS eco_idx_hi_varinst_case_flow ON act_hi_varinst (proc_def_key_, text_, proc_inst_id_)
  WHERE name_ = 'caseNo';
