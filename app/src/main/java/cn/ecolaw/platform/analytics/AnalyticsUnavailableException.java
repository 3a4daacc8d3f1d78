package cn.ecolaw.platform.analytics;

import cn.ecolaw.platform.shared.PlatformException;

/** The search engine the dashboards aggregate over is off or cannot be reached: 503, ANA-503 (as /api/search's). */
public class AnalyticsUnavailableException extends PlatformException {

  public AnalyticsUnavailableException(String detail) {
    super(503, "ANA-503", "监督看板的统计暂不可用：" + detail
        + "。案件办理不受影响，搜索服务恢复后索引自动补齐，请稍后再试");
  }
}
