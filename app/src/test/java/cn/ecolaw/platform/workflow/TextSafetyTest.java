package cn.ecolaw.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextSafetyTest {

  /** Realistic texts of case files: none may be refused (false positives would stop a clerk's work). */
  @ParameterizedTest
  @ValueSource(strings = {
      "当事人违反《中华人民共和国水污染防治法》第十条的规定，超标排放水污染物；依据第八十三条第二项，责令改正。",
      "经查，2026年11月3日22时，废水总排口化学需氧量（COD）浓度为152mg/L，超过《污水综合排放标准》(GB 8978-1996)"
          + "规定的限值(100mg/L)0.52倍。",
      "监测结果：pH<6，COD<100mg/L 时为达标；氨氮>15mg/L为超标。",
      "1#排放口、2#排放口均已封堵；“超标排放”事实清楚。",
      "当事人陈述：'我们已于当日停产整改，请求从轻处罚。'执法人员：张三、李四",
      "The party did not select an option from the list; the officer will update the record and insert the receipt.",
      "Mr. O'Brien (legal representative) said: it's done -- see annex 1.",
      "依据生态环境部网站 https://www.mee.gov.cn/ywgz/fgbz/ 公布的裁量基准(benchmark)（2026版）确定罚款数额。",
      "复核意见：维持原拟处罚意见；select 一词系当事人英文申辩书原文。",
      "多行文字\n第二行\t制表符\r\n第三行",
      "罚款金额 = 基准金额 × 1.2；或者 and/or 条件均成立。",
      "当事人称“没有 one-time 排放”，并提交 online 监测数据截图。"})
  void ordinaryLegalTextIsAccepted(String text) {
    assertThat(TextSafety.inspect("违法事实", text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<script>alert(1)</script>",
      "违法事实<script src=//evil.example/x.js></script>",
      "<img src=x onerror=alert(document.cookie)>",
      "<svg/onload=alert(1)>",
      "<a href=\"javascript:alert(1)\">查看</a>",
      "javascript:alert(1)",
      " JavaScript : void(0)",
      "点击 data:text/html;base64,PHNjcmlwdD4=",
      "&#x3C;script&#x3E;alert(1)",
      "<!-- 注释 -->",
      "\" onmouseover=\"alert(1)",
      "'; DROP TABLE case_file; --",
      "湖州测试公司'; delete from case_document where 1=1; --",
      "' OR '1'='1",
      "x\" or \"a\"=\"a",
      "1' AND 1=1 --",
      "张三' --",
      "0 UNION SELECT password FROM act_id_user",
      "1 union all select null,null",
      "a'); TRUNCATE TABLE act_ru_task; --",
      "drop table case_file",
      "1;select pg_sleep(10)",
      "'||pg_sleep(10)--",
      "exec xp_cmdshell('dir')"})
  void scriptAndSqlFragmentsAreRefusedWithFORM009(String text) {
    assertThat(TextSafety.inspect("违法事实", text)).hasValueSatisfying(f -> {
      assertThat(f.code()).isEqualTo("FORM-009");
      assertThat(f.message()).isEqualTo("“违法事实”含有不允许的脚本或数据库指令片段，请删除后重新提交");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"含\u0000空字符", "响铃\u0007", "退格\b", "换页\f", "转义\u001b[31m", "\u0085下一行",
      "右至左\u202e覆盖", "隔离\u2066", "字节序\ufeff"})
  void controlCharactersAreRefusedWithFORM010(String text) {
    assertThat(TextSafety.inspect("立案理由", text)).hasValueSatisfying(f -> {
      assertThat(f.code()).isEqualTo("FORM-010");
      assertThat(f.message()).isEqualTo("“立案理由”含有不允许的控制字符");
    });
  }
}
