-- 行政处罚法第五十九条：违反的条款与处罚依据分别记载；违法情形类别（超标排放、逃避监管……）随裁量记录留存。
ALTER TABLE discretion_record ADD COLUMN violated_provision VARCHAR(1000);
ALTER TABLE discretion_record ADD COLUMN conduct_kind VARCHAR(40);
