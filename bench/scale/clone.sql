-- Tasklist-at-scale generator (bench/scale-data.sh): clones the rows of a real case, as the platform wrote them,
-- N times by INSERT ... SELECT over generate_series. A "case" is every process instance carrying its case number
-- (business key or variable caseNo) with all their rows in the engine's runtime and history tables, the byte arrays
-- they reference, the authorizations granted on them and their tasks, and the platform's own rows of the case
-- (case_file, case_access, case_document, discretion_record, audit_entry, audit_chain_head).
-- Each clone g gets: new ids (a UUID derived from g and the template's id, so foreign keys stay consistent), its own
-- case number and party, and every time stamp (and date variable) shifted by the clone's offset.

CREATE OR REPLACE FUNCTION scale_new_id(g int, old text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT md5(g::text || '/' || old)::uuid::text $$;

-- Party of clone g: 1,000 enterprises (a frequent offender has many cases, as in life).
CREATE OR REPLACE FUNCTION scale_party(g int) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (ARRAY['湖州','长兴','安吉','德清','南浔'])[g % 5 + 1]
      || (ARRAY['恒通','永盛','华丰','金鼎','新亚','瑞达','天成','宏远','绿源','佳美',
                '东方','鑫海','凯达','明辉','正泰','中诚','利民','富春','嘉禾','星光'])[(g / 5) % 20 + 1]
      || (ARRAY['印染','化工','纸业','电镀','建材','制革','食品','机械','纺织','木业'])[(g / 100) % 10 + 1]
      || '有限公司' $$;

CREATE OR REPLACE FUNCTION scale_party_id(g int) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT '9133050' || lpad(((g % 1000) * 7919 % 100000)::text, 5, '0') || 'MA' || lpad((g % 1000)::text, 4, '0') $$;

-- Prepares the template of one case: temp tables tmpl_<table> with its rows, template ids marked with a leading '§'.
-- only_ended: take only the ended instances (a finished case).
CREATE OR REPLACE FUNCTION scale_prepare(tcase text, only_ended boolean) RETURNS int LANGUAGE plpgsql SET client_min_messages = warning AS $$
DECLARE
  t record; c record; n int := 0; cond text; k int;
BEGIN
  DROP TABLE IF EXISTS tmpl_pis, tmpl_tasks, tmpl_ids, tmpl_tables;
  CREATE TEMP TABLE tmpl_pis AS
    SELECT id_ FROM act_hi_procinst p
     WHERE (p.business_key_ = tcase OR p.id_ IN (SELECT proc_inst_id_ FROM act_hi_varinst WHERE name_ = 'caseNo' AND text_ = tcase))
       AND (NOT only_ended OR p.end_time_ IS NOT NULL);
  INSERT INTO tmpl_pis SELECT id_ FROM act_hi_procinst WHERE root_proc_inst_id_ IN (SELECT id_ FROM tmpl_pis)
    AND id_ NOT IN (SELECT id_ FROM tmpl_pis);
  CREATE TEMP TABLE tmpl_tasks AS SELECT id_ FROM act_hi_taskinst WHERE proc_inst_id_ IN (SELECT id_ FROM tmpl_pis);
  CREATE TEMP TABLE tmpl_tables (name text PRIMARY KEY, platform boolean);
  FOR t IN SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()
      AND table_type = 'BASE TABLE' AND (table_name LIKE 'act\_ru\_%' OR table_name LIKE 'act\_hi\_%') LOOP
    cond := NULL;
    IF t.table_name = 'act_ru_authorization' THEN
      cond := 'resource_id_ IN (SELECT id_ FROM tmpl_pis UNION ALL SELECT id_ FROM tmpl_tasks)';
    ELSIF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = t.table_name AND column_name = 'root_proc_inst_id_') THEN
      cond := 'root_proc_inst_id_ IN (SELECT id_ FROM tmpl_pis)';
      IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = t.table_name AND column_name = 'proc_inst_id_') THEN
        cond := cond || ' OR proc_inst_id_ IN (SELECT id_ FROM tmpl_pis)';
      END IF;
    ELSIF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = t.table_name AND column_name = 'proc_inst_id_') THEN
      cond := 'proc_inst_id_ IN (SELECT id_ FROM tmpl_pis)';
    ELSIF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = t.table_name AND column_name = 'task_id_') THEN
      cond := 'task_id_ IN (SELECT id_ FROM tmpl_tasks)';
    END IF;
    IF t.table_name = 'act_ru_identitylink' THEN
      cond := 'task_id_ IN (SELECT id_ FROM tmpl_tasks)';
    END IF;
    CONTINUE WHEN cond IS NULL;
    EXECUTE format('DROP TABLE IF EXISTS %I', 'tmpl_' || t.table_name);
    EXECUTE format('CREATE TEMP TABLE %I AS SELECT * FROM %I WHERE %s', 'tmpl_' || t.table_name, t.table_name, cond);
    INSERT INTO tmpl_tables VALUES (t.table_name, false);
  END LOOP;
  -- byte arrays: those the template's rows reference, and those of its instances' history
  DROP TABLE IF EXISTS tmpl_act_ge_bytearray;
  CREATE TEMP TABLE tmpl_act_ge_bytearray AS SELECT * FROM act_ge_bytearray WHERE root_proc_inst_id_ IN (SELECT id_ FROM tmpl_pis)
    OR id_ IN (SELECT bytearray_id_ FROM tmpl_act_ru_variable UNION SELECT bytearray_id_ FROM tmpl_act_hi_varinst
               UNION SELECT bytearray_id_ FROM tmpl_act_hi_detail UNION SELECT exception_stack_id_ FROM tmpl_act_ru_job);
  INSERT INTO tmpl_tables VALUES ('act_ge_bytearray', false);
  FOR t IN SELECT unnest(ARRAY['case_file','case_access','case_document','discretion_record','audit_entry','audit_chain_head']) AS table_name LOOP
    EXECUTE format('DROP TABLE IF EXISTS %I', 'tmpl_' || t.table_name);
    EXECUTE format('CREATE TEMP TABLE %I AS SELECT * FROM %I WHERE case_no = %L', 'tmpl_' || t.table_name, t.table_name, tcase);
    INSERT INTO tmpl_tables VALUES (t.table_name, true);
  END LOOP;
  -- every id of the template: engine rows' ID_, the instances, the tasks; the trail's entry ids
  CREATE TEMP TABLE tmpl_ids (id text PRIMARY KEY);
  FOR t IN SELECT name FROM tmpl_tables WHERE NOT platform LOOP
    EXECUTE format('INSERT INTO tmpl_ids SELECT id_ FROM %I WHERE id_ IS NOT NULL ON CONFLICT DO NOTHING', 'tmpl_' || t.name);
  END LOOP;
  INSERT INTO tmpl_ids SELECT id_ FROM tmpl_pis ON CONFLICT DO NOTHING;
  INSERT INTO tmpl_ids SELECT id FROM tmpl_audit_entry ON CONFLICT DO NOTHING;
  -- mark the template's ids in every text column
  FOR t IN SELECT name FROM tmpl_tables LOOP
    FOR c IN SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()
        AND table_name = t.name AND data_type IN ('character varying', 'text') LOOP
      EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE text', 'tmpl_' || t.name, c.column_name);
      EXECUTE format('UPDATE %I SET %I = ''§'' || %I WHERE %I IN (SELECT id FROM tmpl_ids)', 'tmpl_' || t.name, c.column_name, c.column_name, c.column_name);
    END LOOP;
    EXECUTE format('SELECT count(*) FROM %I', 'tmpl_' || t.name) INTO k;
    n := n + k;
  END LOOP;
  RETURN n;
END $$;

-- Inserts clones g = g_from, g_from + g_step, .. g_to of the prepared template. Case number of clone g:
-- format(case_pattern, g + num_offset) (e.g.
-- '湖环罚〔2025〕%s号'); its time stamps shifted by offset(g) = -(min_days days + (g * 7919) mod span_days days,
-- to the second). Documents keep their bytes in the first 10 clones only (the rest: empty byte arrays; the list,
-- titles and hashes stay). Returns the number of rows inserted.
CREATE OR REPLACE FUNCTION scale_clone(tcase text, tparty text, tparty_id text, case_pattern text,
    g_from int, g_to int, g_step int, num_offset int, min_days int, span_days int) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  t record; c record; cols text; exprs text; e text; n bigint := 0; k bigint; has_case boolean; has_party boolean;
  off text := format('make_interval(secs => -(%s * 86400 + (g::bigint * 7919) %% (%s::bigint * 86400)))', min_days, greatest(span_days, 1));
BEGIN
  -- parents first: the engine's runtime tables have foreign keys
  FOR t IN SELECT name, platform FROM tmpl_tables ORDER BY CASE name WHEN 'act_ge_bytearray' THEN 0
      WHEN 'act_ru_execution' THEN 1 WHEN 'act_ru_task' THEN 2 WHEN 'act_ru_job' THEN 3 ELSE 4 END, name LOOP
    cols := NULL; exprs := NULL;
    FOR c IN SELECT column_name, data_type, is_identity FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = t.name ORDER BY ordinal_position LOOP
      CONTINUE WHEN c.is_identity = 'YES';
      IF c.data_type IN ('character varying', 'text') THEN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I LIKE %L)', 'tmpl_' || t.name, c.column_name, '%' || tcase || '%') INTO has_case;
        e := format('%I', c.column_name);
        IF has_case THEN e := format('replace(%s, %L, format(%L, g + %s))', e, tcase, case_pattern, num_offset); END IF;
        IF coalesce(length(tparty), 0) > 1 THEN
          EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I LIKE %L)', 'tmpl_' || t.name, c.column_name, '%' || tparty || '%') INTO has_party;
          IF has_party THEN e := format('replace(%s, %L, scale_party(g))', e, tparty); END IF;
        END IF;
        IF coalesce(length(tparty_id), 0) > 1 THEN
          EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I LIKE %L)', 'tmpl_' || t.name, c.column_name, '%' || tparty_id || '%') INTO has_party;
          IF has_party THEN e := format('replace(%s, %L, scale_party_id(g))', e, tparty_id); END IF;
        END IF;
        e := format('CASE WHEN left(%I, 1) = ''§'' THEN scale_new_id(g, substr(%I, 2)) ELSE %s END', c.column_name, c.column_name, e);
      ELSIF c.data_type LIKE 'timestamp%' AND c.column_name <> 'lock_exp_time_'
          AND NOT (t.name = 'act_ru_job' AND c.column_name = 'duedate_') THEN
        -- (a timer keeps its template's due date, still ahead: the job executor must not work the clones mid-bench)
        e := format('%I + %s', c.column_name, off);
      ELSIF c.column_name = 'long_' AND t.name IN ('act_ru_variable') THEN
        e := format('CASE WHEN type_ = ''date'' THEN long_ + (extract(epoch FROM %s) * 1000)::bigint ELSE long_ END', off);
      ELSIF c.column_name = 'long_' AND t.name IN ('act_hi_varinst', 'act_hi_detail') THEN
        e := format('CASE WHEN var_type_ = ''date'' THEN long_ + (extract(epoch FROM %s) * 1000)::bigint ELSE long_ END', off);
      ELSIF c.data_type = 'bytea' AND t.platform THEN
        e := format('CASE WHEN g < %s THEN %I ELSE ''\x''::bytea END', g_from + 10 * g_step, c.column_name);
      ELSE
        e := format('%I', c.column_name);
      END IF;
      cols := coalesce(cols || ', ', '') || format('%I', c.column_name);
      exprs := coalesce(exprs || ', ', '') || e;
    END LOOP;
    EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %I, generate_series(%s, %s, %s) AS g',
      t.name, cols, exprs, 'tmpl_' || t.name, g_from, g_to, g_step);
    GET DIAGNOSTICS k = ROW_COUNT;
    n := n + k;
  END LOOP;
  RETURN n;
END $$;

-- What has been generated (the data is kept between runs; a run only adds what is missing).
CREATE TABLE IF NOT EXISTS scale_template (idx int PRIMARY KEY, kind text NOT NULL, case_no text NOT NULL,
  only_ended boolean NOT NULL, tasks int NOT NULL, party text, party_id text, pattern text NOT NULL);
CREATE TABLE IF NOT EXISTS scale_run (kind text NOT NULL, g_from int NOT NULL, g_to int NOT NULL, rows bigint NOT NULL,
  seconds numeric NOT NULL, done_at timestamptz NOT NULL DEFAULT now());

-- The templates, taken once from the real cases the app made (before any clone exists): every case with a running
-- instance ("open": its open tasks are cloned with it) and the paid and closed enforcement case ("finished").
CREATE OR REPLACE FUNCTION scale_pick_templates() RETURNS int LANGUAGE plpgsql AS $$
DECLARE n int;
BEGIN
  IF EXISTS (SELECT 1 FROM scale_template) THEN RETURN (SELECT count(*) FROM scale_template); END IF;
  INSERT INTO scale_template (idx, kind, case_no, only_ended, tasks, party, party_id, pattern)
  SELECT row_number() OVER (ORDER BY c.case_no) - 1, 'open', c.case_no, false, c.tasks,
         coalesce(f.party_name, (SELECT v.text_ FROM act_hi_varinst v WHERE v.name_ = 'partyName' AND v.proc_inst_id_ = ANY (c.pis) AND v.text_ IS NOT NULL LIMIT 1)),
         coalesce(f.party_id, (SELECT v.text_ FROM act_hi_varinst v WHERE v.name_ = 'partyId' AND v.proc_inst_id_ = ANY (c.pis) AND v.text_ IS NOT NULL LIMIT 1)),
         regexp_replace(c.case_no, '[0-9]+号$', '%s号')
    FROM (SELECT coalesce(v.text_, p.business_key_) AS case_no, array_agg(p.id_) AS pis,
                 (SELECT count(*) FROM act_ru_task t WHERE t.proc_inst_id_ = ANY (array_agg(p.id_)))::int AS tasks
            FROM act_hi_procinst p LEFT JOIN act_hi_varinst v ON v.proc_inst_id_ = p.id_ AND v.name_ = 'caseNo'
           WHERE p.super_process_instance_id_ IS NULL
           GROUP BY 1 HAVING bool_or(p.end_time_ IS NULL)) c
    LEFT JOIN case_file f ON f.case_no = c.case_no
   WHERE c.tasks > 0 AND c.case_no ~ '[0-9]+号$';
  SELECT count(*) INTO n FROM scale_template;
  INSERT INTO scale_template (idx, kind, case_no, only_ended, tasks, party, party_id, pattern)
  SELECT n, 'finished', f.case_no, true, 0, f.party_name, f.party_id, '湖环罚〔%s〕%s号'
    FROM case_file f WHERE f.status = 'CLOSED' AND f.outcome = 'PAID' ORDER BY f.created_at LIMIT 1;
  RETURN (SELECT count(*) FROM scale_template);
END $$;

-- Adds open cases until about open_tasks open tasks exist in clones, in rounds (one clone of every open template
-- per round), committing every chunk_rounds rounds.
CREATE OR REPLACE PROCEDURE scale_generate_open(open_tasks int, chunk_rounds int DEFAULT 500) LANGUAGE plpgsql AS $$
DECLARE
  t record; tcount int; per_round int; rounds int; r0 int; r1 int; k bigint; started timestamptz; progressed boolean;
BEGIN
  SELECT count(*), sum(tasks) INTO tcount, per_round FROM scale_template WHERE kind = 'open';
  rounds := ceil(open_tasks::numeric / per_round);
  -- chunk by chunk over all templates, so that an interrupted run leaves every kind of case in proportion;
  -- each template resumes where it stopped (an interrupted run loses only its last, uncommitted chunk)
  LOOP
    progressed := false;
    FOR t IN SELECT * FROM scale_template WHERE kind = 'open' ORDER BY idx LOOP
      SELECT coalesce(max(g_to), -1) + 1 INTO r0 FROM scale_run WHERE kind = 'open-' || t.idx;
      CONTINUE WHEN r0 >= rounds;
      PERFORM scale_prepare(t.case_no, false);
      r1 := least(r0 + chunk_rounds, rounds) - 1;
      started := clock_timestamp();
      -- clone g = r * tcount + idx; case number 100000 + g (the app's own numbers stay far below)
      k := scale_clone(t.case_no, t.party, t.party_id, t.pattern,
                       r0 * tcount + t.idx, r1 * tcount + t.idx, tcount, 100000, 0, 60);
      INSERT INTO scale_run (kind, g_from, g_to, rows, seconds) VALUES ('open-' || t.idx, r0, r1, k, extract(epoch FROM clock_timestamp() - started));
      COMMIT;
      RAISE NOTICE 'open template % (%): rounds % .. %, % rows in % s', t.idx, t.case_no, r0, r1, k, round(extract(epoch FROM clock_timestamp() - started), 1);
      progressed := true;
    END LOOP;
    EXIT WHEN NOT progressed;
  END LOOP;
END $$;

-- Adds finished cases (clones of the paid and closed case) up to `finished` cases, chunk by chunk; numbered
-- 湖环罚〔2025〕1号.. 900000号, then 湖环罚〔2024〕1号.., dated 1 to 12 months back.
CREATE OR REPLACE PROCEDURE scale_generate_finished(finished int, chunk int DEFAULT 10000) LANGUAGE plpgsql AS $$
DECLARE
  t record; done int; g0 int; g1 int; k bigint; started timestamptz;
BEGIN
  SELECT * INTO t FROM scale_template WHERE kind = 'finished';
  SELECT coalesce(max(g_to), 0) INTO done FROM scale_run WHERE kind = 'finished';
  IF done >= finished THEN RAISE NOTICE 'finished: % cases already there', done; RETURN; END IF;
  PERFORM scale_prepare(t.case_no, true);
  g0 := done + 1;
  WHILE g0 <= finished LOOP
    g1 := least(g0 + chunk - 1, finished, CASE WHEN g0 <= 900000 THEN 900000 ELSE 1799999 END);
    started := clock_timestamp();
    -- clone g = 10,000,000 + case index: the open clones' g stay below, so no id is made twice
    IF g0 <= 900000 THEN
      k := scale_clone(t.case_no, t.party, t.party_id, '湖环罚〔2025〕%s号', 10000000 + g0, 10000000 + g1, 1, -10000000, 30, 335);
    ELSE
      k := scale_clone(t.case_no, t.party, t.party_id, '湖环罚〔2024〕%s号', 10000000 + g0, 10000000 + g1, 1, -10900000, 30, 335);
    END IF;
    INSERT INTO scale_run (kind, g_from, g_to, rows, seconds) VALUES ('finished', g0, g1, k, extract(epoch FROM clock_timestamp() - started));
    COMMIT;
    RAISE NOTICE 'finished cases % .. %: % rows in % s', g0, g1, k, round(extract(epoch FROM clock_timestamp() - started), 1);
    g0 := g1 + 1;
  END LOOP;
END $$;
