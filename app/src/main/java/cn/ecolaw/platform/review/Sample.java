package cn.ecolaw.platform.review;

import java.util.List;

/** The result of a draw: the sample's id, unit and seed, and one review process per file drawn. */
public record Sample(long sampleId, String unit, long seed, int candidates, List<Drawn> drawn) {

  public record Drawn(String caseNo, String processInstanceId, String businessKey) {}
}
