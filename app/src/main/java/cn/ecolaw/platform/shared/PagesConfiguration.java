package cn.ecolaw.platform.shared;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The platform's own pages are static files under {@code /ui/} (classpath {@code static/ui}); a folder's address
 * opens its {@code index.html}. Data comes from {@code /api}, whose access rules answer 401/403/404 for the page.
 */
@Controller
class PagesConfiguration {

  @GetMapping("/ui")
  String root() {
    return "redirect:/ui/";
  }

  @GetMapping("/ui/")
  String home() {
    return "forward:/ui/index.html";
  }

  @GetMapping("/ui/{area:[a-z][a-z-]{0,30}}/")
  String area(@PathVariable String area) {
    return "forward:/ui/" + area + "/index.html";
  }
}
