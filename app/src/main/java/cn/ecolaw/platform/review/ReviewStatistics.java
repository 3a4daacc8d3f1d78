package cn.ecolaw.platform.review;

import java.util.List;

/**
 * What a review office needs ({@code GET /api/reviews/statistics}): files reviewed (graded), problems found and
 * corrected, by unit and by problem type (stage and item of the scoring sheet), and the grades given.
 */
public record ReviewStatistics(long filesReviewed, long problemsFound, long problemsCorrected, long arbitrated,
    List<UnitRow> byUnit, List<ProblemTypeRow> byProblemType, List<GradeRow> byGrade) {

  public record UnitRow(String unit, long filesReviewed, long problemsFound, long problemsCorrected) {}

  public record ProblemTypeRow(String stage, String stageLabel, String itemCode, String itemName, long found,
      long corrected) {}

  public record GradeRow(String grade, long files) {}

  static ReviewStatistics of(List<UnitRow> units, List<ProblemTypeRow> types, List<GradeRow> grades, long arbitrated) {
    return new ReviewStatistics(
        units.stream().mapToLong(UnitRow::filesReviewed).sum(),
        units.stream().mapToLong(UnitRow::problemsFound).sum(),
        units.stream().mapToLong(UnitRow::problemsCorrected).sum(),
        arbitrated, units, types, grades);
  }
}
