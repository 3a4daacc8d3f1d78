package cn.ecolaw.platform.review;

import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Reads a tier's scoring form variables back from a process instance (the tiers that have scored). */
@Component
public class TierScores {

  private final ReviewService service;

  public TierScores(ReviewService service) {
    this.service = service;
  }

  public TierScore of(ReviewTier tier, VariableScope scope) {
    return service.score(tier, sheetVersion(scope), (Boolean) scope.getVariable(tier.vetoFailedVariable()),
        (String) scope.getVariable(tier.vetoItemsVariable()), (String) scope.getVariable(tier.deductionsVariable()));
  }

  public Map<ReviewTier, TierScore> scored(VariableScope scope) {
    Map<ReviewTier, TierScore> out = new EnumMap<>(ReviewTier.class);
    for (ReviewTier tier : ReviewTier.values()) {
      if (scope.getVariable(tier.scoreVariable()) != null) {
        out.put(tier, of(tier, scope));
      }
    }
    return out;
  }

  static int sheetVersion(VariableScope scope) {
    return ((Number) scope.getVariable("sheetVersion")).intValue();
  }
}
