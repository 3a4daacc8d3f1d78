-- 案件清单按状态筛选（issue 14，/api/workspace/cases?status=）：按状态、再按立案时间倒序的索引，
-- 无期限部分按此顺序读取一页，不再沿立案时间索引逐件过滤状态（见 bench/README.md“Case list filters at scale”）。
CREATE INDEX IF NOT EXISTS idx_case_file_status_created ON case_file (status, created_at DESC, case_no);
