package cn.ecolaw.platform.identity;

import cn.ecolaw.platform.shared.PlatformException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses {@code /api} requests for a case the caller's unit may not see: every handler whose path has a
 * {@code {caseNo}} variable is checked against {@code case_access} before it runs (a new case endpoint is covered
 * without further code). Starting a case ({@code POST /api/cases}) needs Camunda's CREATE_INSTANCE on
 * {@code enforcement-case}, checked before the input is validated.
 */
public class CaseAccessInterceptor implements HandlerInterceptor {

  private final CaseAccess access;
  private final Caller caller;
  private final AuthorizationService authorizations;

  public CaseAccessInterceptor(CaseAccess access, Caller caller, AuthorizationService authorizations) {
    this.access = access;
    this.caller = caller;
    this.authorizations = authorizations;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    @SuppressWarnings("unchecked")
    Map<String, String> path = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String caseNo = path == null ? null : path.get("caseNo");
    if (caseNo != null) {
      access.check(caseNo);
      return true;
    }
    String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    if ("POST".equals(request.getMethod()) && "/api/cases".equals(pattern) && !caller.unrestricted()
        && !authorizations.isUserAuthorized(caller.userId(), caller.groups(),
            ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, ProcessKeys.ENFORCEMENT_CASE)) {
      throw new PlatformException(403, "AUTH-004", "无权登记行政处罚案件：只有生态环境局执法、法制审核和负责人岗位可以立案");
    }
    return true;
  }
}
