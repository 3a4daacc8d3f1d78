-- 案件列表（/api/workspace/cases、/api/cases）取本单位最近立案的案件：按立案时间倒序的索引，
-- 一百万件案件时不再整表排序（见 bench/README.md“待办与案件列表的规模”）。
CREATE INDEX idx_case_file_created ON case_file(created_at DESC, case_no);
