package cn.ecolaw.platform.review;

import java.util.List;

/**
 * A draw of closed case files for review ({@code POST /api/reviews/samples}): the unit reviewed, how many files,
 * and the random seed (generated and recorded when not given, so that the draw can be reproduced). {@code caseNos}
 * names files for a designated review (定向评查) instead of a random draw.
 */
public record SampleRequest(String unit, Integer count, Long seed, List<String> caseNos) {}
