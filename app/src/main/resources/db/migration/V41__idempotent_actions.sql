-- Idempotent actions (issue 8, part 5): the database, not an in-memory lock, decides which of two parallel requests wins.

-- One review per case file: a file drawn for review is never drawn again (ReviewRepository.closedCasesNotUnderReview).
DROP INDEX idx_review_case_case;
CREATE UNIQUE INDEX uq_review_case_case_no ON review_case(case_no);

-- Claims on an action that may run once at a time for its subject, e.g. one injunction per enforcement case
-- (action INJUNCTION, subject the case number, holder the injunction's process instance). A claim whose holder
-- has ended may be taken over by a new holder; two parallel claims: the primary key lets one through.
CREATE TABLE action_claim (
    action      VARCHAR(40)   NOT NULL,
    subject     VARCHAR(200)  NOT NULL,
    holder      VARCHAR(64)   NOT NULL,
    claimed_at  TIMESTAMP     NOT NULL,
    PRIMARY KEY (action, subject)
);
