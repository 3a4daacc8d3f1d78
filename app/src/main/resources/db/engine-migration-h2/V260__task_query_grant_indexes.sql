-- H2 (engine.EngineTableMigrations): the same indexes as on PostgreSQL (db/engine-migration-postgres/V260) for the
-- grants a user's task query reads (engine.TaskQueryGrantSemiJoin); H2 has no INCLUDE, so all columns are keys.
CREATE INDEX IF NOT EXISTS eco_idx_auth_group_grant ON ACT_RU_AUTHORIZATION (GROUP_ID_, RESOURCE_TYPE_, TYPE_, PERMS_, RESOURCE_ID_);
CREATE INDEX IF NOT EXISTS eco_idx_auth_user_grant ON ACT_RU_AUTHORIZATION (USER_ID_, RESOURCE_TYPE_, TYPE_, PERMS_, RESOURCE_ID_);
