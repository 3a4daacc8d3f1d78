package cn.ecolaw.platform.audit;

import java.time.LocalDateTime;

/**
 * How a trail's verification was anchored: the MAC algorithm and the public fingerprint of the key that signs
 * entries (never the key), the head seq of the verified snapshot, and the latest signed checkpoint outside the
 * database (seq and time; null when none) up to which truncation is detected; {@code legacySealSeq} is where the
 * unkeyed entries of an older version end, when the chain has such entries.
 */
public record TrailIntegrity(String algorithm, String keyId, Long snapshotSeq, Long checkpointSeq,
    LocalDateTime checkpointAt, Long legacySealSeq) {}
