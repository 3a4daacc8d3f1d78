-- PostgreSQL (engine.EngineTableMigrations, after the engine created its tables): fills the case list's flow
-- projection (case_list_flow, db/migration/V301; kept by engine.CaseListDue from then on) with the instances of
-- before: every process instance carrying a case number in its variable caseNo, with its process key. Read by the
-- partial index eco_idx_hi_varinst_case_no (V181): 131,033 instances in about a second at 51,000 cases. Idempotent.
-- See bench/README.md, "Case list filters at scale (session 2026-11-30)".
INSERT INTO case_list_flow (case_no, process_instance_id, flow)
SELECT DISTINCT v.text_, p.id_, p.proc_def_key_ FROM act_hi_varinst v JOIN act_hi_procinst p ON p.id_ = v.proc_inst_id_
 WHERE v.name_ = 'caseNo' AND v.text_ IS NOT NULL AND LENGTH(v.text_) <= 64 AND p.proc_def_key_ IS NOT NULL
ON CONFLICT DO NOTHING;
ANALYZE case_list_flow;
