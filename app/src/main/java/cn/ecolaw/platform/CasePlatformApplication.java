package cn.ecolaw.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** 生态环境执法与司法衔接案件平台. */
@SpringBootApplication
public class CasePlatformApplication {

  public static void main(String[] args) {
    SpringApplication.run(CasePlatformApplication.class, args);
  }
}
