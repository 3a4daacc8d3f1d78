-- PostgreSQL only (no H2 counterpart: H2 has no extended statistics). The engine's authorization check joins its
-- task and instance queries to ACT_RU_AUTHORIZATION filtered by PERMS_ & <permission> = <permission> and by resource
-- type and group; without statistics on those expressions the planner guesses a few dozen matching rows where there
-- are thousands (one grant per task and candidate group) and joins every task to every grant (64 million
-- comparisons for 7,500 tasks: 22 s for one Tasklist count). With these, and random_page_cost for SSD storage
-- (application-postgres.yml), it probes ACT_IDX_AUTH_RESOURCE_ID per task instead. See bench/README.md.
CREATE STATISTICS IF NOT EXISTS eco_stat_auth_perm_read ON (perms_ & 2) FROM act_ru_authorization;
CREATE STATISTICS IF NOT EXISTS eco_stat_auth_perm_read_task ON (perms_ & 64) FROM act_ru_authorization;
CREATE STATISTICS IF NOT EXISTS eco_stat_auth_perm_read_instance ON (perms_ & 512) FROM act_ru_authorization;
CREATE STATISTICS IF NOT EXISTS eco_stat_auth_perm_read_history ON (perms_ & 4096) FROM act_ru_authorization;
CREATE STATISTICS IF NOT EXISTS eco_stat_auth_scope (mcv, dependencies) ON resource_type_, group_id_, type_ FROM act_ru_authorization;
ANALYZE act_ru_authorization;
