/* 案件工作台的共用函数（列表、案件页、当事人档案）。所有文字经 Platform.esc 转义后再放进 HTML。 */
const Workspace = (() => {
  const esc = Platform.esc;

  function caseHref(caseNo) {
    return '/ui/workspace/case.html?caseNo=' + encodeURIComponent(caseNo);
  }

  function partyHref(partyId) {
    return '/ui/workspace/party.html?partyId=' + encodeURIComponent(partyId);
  }

  function taskHref(taskId) {
    return '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(taskId);
  }

  function date(value) {
    if (!value) return '—';
    const d = new Date(value);
    if (isNaN(d)) return esc(value);
    const pad = n => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes());
  }

  /** A deadline {label, date, passed, daysLeft}: red when passed, amber within three days. */
  function deadline(d) {
    if (!d) return '<span class="muted">—</span>';
    const cls = d.passed ? 'deadline-passed' : (d.daysLeft <= 3 ? 'deadline-soon' : '');
    const left = d.passed ? '已超期 ' + (-d.daysLeft) + ' 日' : (d.daysLeft === 0 ? '今日到期' : '还有 ' + d.daysLeft + ' 日');
    return '<span class="' + cls + '">' + esc(d.label) + '：' + esc(d.date) + '（' + esc(left) + '）</span>';
  }

  return { caseHref, partyHref, taskHref, date, deadline };
})();
