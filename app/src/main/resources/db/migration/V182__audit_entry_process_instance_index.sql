-- 留痕按流程实例找案件（audit.AuditRepository.caseOfProcessInstance：引擎每条命令写留痕时调用）：
-- 没有索引时每次整表扫描 audit_entry（一百万件案件约一亿条记录），见 bench/README.md“待办与案件列表的规模”。
CREATE INDEX idx_audit_entry_pi ON audit_entry(process_instance_id);
