-- PostgreSQL only: an archived dossier version is never changed or removed; a change of the case is a new version.
CREATE OR REPLACE FUNCTION case_dossier_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '已归档的电子卷宗不得修改或删除，案件变更应另立新版本（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER case_dossier_no_change
    BEFORE UPDATE OR DELETE ON case_dossier
    FOR EACH ROW EXECUTE FUNCTION case_dossier_append_only();
