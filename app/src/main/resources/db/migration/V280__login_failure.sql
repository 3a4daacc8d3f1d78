-- Login throttling shared by every node (identity.LoginThrottle, store "database"): the wrong passwords per
-- (source address, user), so that several nodes count one attacker's tries once, not once per node.
-- Times are epoch milliseconds (no time zone to get wrong between nodes).
CREATE TABLE login_failure (
    source            VARCHAR(64)   NOT NULL,
    user_key          VARCHAR(200)  NOT NULL,
    failures          INTEGER       NOT NULL,
    last_failed_ms    BIGINT        NOT NULL,
    blocked_until_ms  BIGINT,
    PRIMARY KEY (source, user_key)
);
CREATE INDEX idx_login_failure_user ON login_failure(user_key);
CREATE INDEX idx_login_failure_last ON login_failure(last_failed_ms);
