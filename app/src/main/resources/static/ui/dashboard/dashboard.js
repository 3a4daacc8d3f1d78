/*
 * 监督看板: headline numbers, caseload, statutory deadlines, fine consistency and review results, charted with
 * Apache ECharts (webjar). Each panel loads on its own: a refusal (say the search engine is down, ANA-503) shows in
 * that panel and leaves the others working. Every text from the server is escaped (Platform.esc).
 */
(() => {
  const esc = Platform.esc;
  const charts = {};
  const COLORS = { met: '#2e7d32', pending: '#2d5486', missed: '#c0392b' };
  const STATE_LABELS = { met: '按期完成', pending: '期限未届满', missed: '超期' };
  /** What the page shows, for the browser test to compare with the database. */
  window.dashboardData = {};
  let pending = 0;

  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
    }
    return charts[id];
  }

  /** The option, drawn at once (no animation), with a centred 暂无数据 when the chart has nothing to show. */
  function note(option, empty) {
    option.animation = false;
    option.graphic = empty ? [{ type: 'text', left: 'center', top: 'middle',
      style: { text: '暂无数据', fill: '#5f6b7a', fontSize: 14 } }] : [];
    return option;
  }

  function clear(id) {
    document.getElementById(id).innerHTML = '';
  }

  function number(n) {
    return Number(n || 0).toLocaleString('zh-CN');
  }

  function yuan(n) {
    const v = Number(n || 0);
    return v >= 10000 ? (v / 10000).toLocaleString('zh-CN', { maximumFractionDigits: 2 }) + ' 万元' : number(v) + ' 元';
  }

  async function panel(name, load) {
    pending++;
    clear(name + '-message');
    try {
      await load();
    } catch (e) {
      Platform.showError(document.getElementById(name + '-message'), e);
    } finally {
      pending--;
      document.body.dataset.loaded = pending === 0 ? 'true' : 'false';
    }
  }

  // ------------------------------------------------------------------------------------------------ headline

  async function headline() {
    const h = await Platform.api('GET', '/api/analytics/headline');
    window.dashboardData.headline = h;
    document.getElementById('headline-cases').textContent = number(h.enforcementCases);
    document.getElementById('headline-clues').textContent = number(h.cluesTransferred);
    document.getElementById('headline-clues-sub').textContent =
      '移送来的线索 ' + number(h.cluesReceived) + ' · 移送公安 ' + number(h.cluesToPolice);
    document.getElementById('headline-court').textContent = number(h.courtCases);
    document.getElementById('headline-court-sub').textContent =
      h.courtByProcess.filter(c => c.count > 0).map(c => c.label + ' ' + number(c.count)).join(' · ');
    document.getElementById('headline-shared').textContent = number(h.informationShared);
    document.getElementById('headline-shared-sub').textContent = h.sharedByUnit.length === 0 ? '尚未与其他单位共享'
      : h.sharedByUnit.map(c => c.label + ' ' + number(c.count)).join(' · ');
    document.getElementById('headline-fines').textContent = yuan(h.finesImposed) + ' / ' + yuan(h.finesCollected);
  }

  // ------------------------------------------------------------------------------------------------ caseload

  async function caseload() {
    const by = document.getElementById('caseload-by').value;
    const process = document.getElementById('caseload-process').value;
    const c = await Platform.api('GET', '/api/analytics/caseload?by=' + encodeURIComponent(by)
      + '&process=' + encodeURIComponent(process));
    window.dashboardData.caseload = c;
    document.getElementById('caseload-total').textContent = '共 ' + number(c.total) + ' 件';
    const title = { domain: '按领域', region: '按地区', month: '按月份' }[c.by];
    chart('chart-caseload').setOption(note({
      title: { text: '案件数量（' + title + '）', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, bottom: 60, top: 40 },
      xAxis: { type: 'category', data: c.buckets.map(b => b.label), axisLabel: { interval: 0, rotate: c.buckets.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: '案件数', data: c.buckets.map(b => b.count), barMaxWidth: 60, itemStyle: { color: '#2d5486' },
        label: { show: true, position: 'top' } }],
    }, c.buckets.length === 0), true);
    // the trend: last month against the month before, per bucket (per month: against the previous month)
    const arrow = n => n > 0 ? '<span class="up">↑' + number(n) + '</span>' : n < 0
      ? '<span class="down">↓' + number(-n) + '</span>' : '<span class="muted">持平</span>';
    const shown = c.by === 'month' ? c.buckets.slice(-6) : c.buckets.slice(0, 10);
    document.getElementById('caseload-trends').innerHTML = shown.length === 0 ? ''
      : '<span class="muted">' + (c.by === 'month' ? '较上月：' : '最近一月较前一月：') + '</span>'
        + shown.map(b => '<span>' + esc(b.label) + ' ' + arrow(b.change) + '</span>').join('');
    let series;
    if (c.by === 'month') {
      series = [{ type: 'line', name: '案件数', smooth: true, data: c.buckets.map(b => b.count) }];
    } else {
      series = c.buckets.slice(0, 8).map(b => ({ type: 'line', name: b.label, smooth: true,
        data: b.months.map(m => m.count) }));
    }
    chart('chart-trend').setOption(note({
      title: { text: '逐月趋势', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { top: 22, type: 'scroll' },
      grid: { left: 48, right: 16, bottom: 40, top: 60 },
      xAxis: { type: 'category', data: c.months },
      yAxis: { type: 'value', minInterval: 1 },
      series,
    }, c.months.length === 0), true);
  }

  // ------------------------------------------------------------------------------------------------ deadlines

  function stacked(id, title, groups) {
    chart(id).setOption(note({
      title: { text: title, textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 22 },
      grid: { left: 48, right: 16, bottom: 60, top: 60 },
      xAxis: { type: 'category', data: groups.map(g => g.label), axisLabel: { interval: 0, rotate: groups.length > 5 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: ['met', 'pending', 'missed'].map(s => ({ type: 'bar', stack: 'all', name: STATE_LABELS[s],
        barMaxWidth: 60, itemStyle: { color: COLORS[s] }, data: groups.map(g => g[s]) })),
    }, groups.length === 0), true);
  }

  async function deadlines() {
    const d = await Platform.api('GET', '/api/analytics/deadlines');
    window.dashboardData.deadlines = d;
    stacked('chart-deadlines-flow', '按流程（按期 ' + number(d.met) + ' · 未届满 ' + number(d.pending) + ' · 超期 '
      + number(d.missed) + '）', d.byFlow);
    stacked('chart-deadlines-unit', '按单位', d.byUnit);
    const rows = [];
    d.byFlow.forEach(f => f.deadlines.forEach(r => rows.push({ label: f.label + '·' + r.label, met: r.met,
      pending: r.pending, missed: r.missed })));
    chart('chart-deadlines-names').setOption(note({
      title: { text: '按法定期限', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 22 },
      grid: { left: 260, right: 24, bottom: 24, top: 56 },
      yAxis: { type: 'category', data: rows.map(r => r.label), inverse: true },
      xAxis: { type: 'value', minInterval: 1 },
      series: ['met', 'pending', 'missed'].map(s => ({ type: 'bar', stack: 'all', name: STATE_LABELS[s],
        itemStyle: { color: COLORS[s] }, data: rows.map(r => r[s]) })),
    }, rows.length === 0), true);
    const list = document.getElementById('deadlines-missed');
    list.innerHTML = d.missedCases.length === 0 ? '<p class="muted">没有超期事项。</p>'
      : '<table class="data" id="missed-table"><thead><tr><th>案号</th><th>流程</th><th>当事人</th><th>超期事项</th></tr></thead><tbody>'
        + d.missedCases.map(m => '<tr><td>' + esc(m.caseNo) + '</td><td>' + esc(m.processLabel) + '</td><td>'
          + esc(m.partyName) + '</td><td>' + esc(m.missed.join('、')) + '</td></tr>').join('') + '</tbody></table>';
  }

  // ------------------------------------------------------------------------------------------------ fines

  async function fines() {
    const f = await Platform.api('GET', '/api/analytics/fine-consistency');
    window.dashboardData.fines = f;
    document.getElementById('fine-method').textContent = '方法：' + f.method
      + (f.truncated ? '（案件较多：图中每组只画出案号在前的100件，中位数、分布与预警覆盖全部案件）' : '');
    const groups = f.report.groups;
    const names = groups.map(g => (f.violationTypeLabels[g.violationType] || g.violationType) + '\n'
      + (f.gradeLabels[g.grade] || g.grade) + '（' + g.cases + '件）');
    const normal = [], flagged = [];
    groups.forEach((g, i) => g.points.forEach(p => (p.alert ? flagged : normal).push([i, p.ratio, p.caseNo, p.fine, p.benchmark])));
    const tip = p => esc(p.data[2]) + '<br>罚款 ' + esc(yuan(p.data[3])) + '，基准 ' + esc(yuan(p.data[4]))
      + '<br>罚款÷基准 ' + (p.data[1] * 100).toFixed(1) + '%';
    chart('chart-fines').setOption(note({
      title: { text: '实际罚款 ÷ 裁量基准（按违法行为类型和裁量等级；红点为预警案件）', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'item', formatter: p => {
        if (p.seriesType === 'scatter') return tip(p);
        if (p.seriesType !== 'boxplot') return esc(p.name || '基准');
        const g = groups[p.dataIndex];
        return esc(p.name) + '<br>中位数 ' + g.median.toFixed(3) + ' · MAD ' + g.mad.toFixed(3) + '<br>四分位 '
          + g.q1.toFixed(3) + ' – ' + g.q3.toFixed(3) + '<br>最小 ' + g.min.toFixed(3) + ' · 最大 ' + g.max.toFixed(3);
      } },
      legend: { top: 22, data: ['分布', '案件', '预警案件'] },
      grid: { left: 56, right: 24, bottom: 70, top: 60 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
      yAxis: { type: 'value', name: '罚款÷基准', min: 0 },
      series: [
        { name: '分布', type: 'boxplot', data: groups.map(g => g.box), itemStyle: { color: '#e6eef8', borderColor: '#2d5486' } },
        { name: '案件', type: 'scatter', data: normal, symbolSize: 8, itemStyle: { color: '#2d5486', opacity: 0.7 } },
        { name: '预警案件', type: 'scatter', data: flagged, symbolSize: 11, itemStyle: { color: '#c0392b' } },
        { type: 'line', name: '基准', data: [], markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#b26a00' },
          data: [{ yAxis: 1, label: { formatter: '基准' } }] } },
      ],
    }, groups.length === 0), true);
    const alerts = f.report.alerts;
    document.getElementById('fine-alert-count').textContent = '共 ' + alerts.length + ' 条';
    document.getElementById('fine-alerts').innerHTML = alerts.length === 0 ? '<p class="muted">没有预警。</p>'
      : '<table class="data" id="fine-alert-table"><thead><tr><th>预警类型</th><th>违法行为类型</th><th>裁量等级</th><th>案号</th><th>说明</th></tr></thead><tbody>'
        + alerts.map(a => '<tr><td><span class="badge bad">' + esc(a.kindLabel) + '</span></td><td>'
          + esc(f.violationTypeLabels[a.violationType] || a.violationType) + '</td><td>'
          + esc(f.gradeLabels[a.grade] || a.grade) + '</td><td>' + a.caseNos.map(esc).join('<br>') + '</td><td>'
          + esc(a.detail) + '</td></tr>').join('') + '</tbody></table>';
  }

  // ------------------------------------------------------------------------------------------------ reviews

  async function reviews() {
    const r = await Platform.api('GET', '/api/analytics/reviews');
    window.dashboardData.reviews = r;
    const s = r.statistics;
    document.getElementById('review-figures').innerHTML =
      '<span>评查案卷 <b id="review-files">' + number(s.filesReviewed) + '</b> 件</span>'
      + '<span>发现问题 <b id="review-found">' + number(s.problemsFound) + '</b> 个</span>'
      + '<span>已整改 <b id="review-corrected">' + number(s.problemsCorrected) + '</b> 个</span>'
      + '<span>专家仲裁 <b>' + number(s.arbitrated) + '</b> 件</span>';
    const pair = (id, title, labels, found, corrected, horizontal) => chart(id).setOption(note({
      title: { text: title, textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 22 },
      grid: { left: horizontal ? 260 : 48, right: 24, bottom: 40, top: 60 },
      [horizontal ? 'yAxis' : 'xAxis']: { type: 'category', data: labels, inverse: !!horizontal,
        axisLabel: { width: horizontal ? 250 : 160, overflow: 'truncate' } },
      [horizontal ? 'xAxis' : 'yAxis']: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: '发现问题', data: found, barMaxWidth: 40, itemStyle: { color: '#b26a00' } },
        { type: 'bar', name: '已整改', data: corrected, barMaxWidth: 40, itemStyle: { color: '#2e7d32' } },
      ],
    }, labels.length === 0), true);
    pair('chart-review-units', '按被评查单位', s.byUnit.map(u => u.unit), s.byUnit.map(u => u.problemsFound),
      s.byUnit.map(u => u.problemsCorrected), false);
    pair('chart-review-types', '按问题类型（评查环节·评查项目）', s.byProblemType.map(t => t.stageLabel + '·' + t.itemName),
      s.byProblemType.map(t => t.found), s.byProblemType.map(t => t.corrected), true);
  }

  // ------------------------------------------------------------------------------------------------ page

  async function start() {
    try {
      await Platform.page('dashboard');
    } catch (e) {
      return;
    }
    const first = await Platform.api('GET', '/api/analytics/reviews').catch(e => e);
    if (first instanceof Platform.ApiError && first.status === 403) {
      Platform.showError('#page-message', first);
      document.querySelectorAll('main section').forEach(s => { s.hidden = true; });
      return;
    }
    if (first && first.scope) document.getElementById('scope').textContent = '（' + first.scope + '）';
    document.getElementById('caseload-by').addEventListener('change', () => panel('caseload', caseload));
    document.getElementById('caseload-process').addEventListener('change', () => panel('caseload', caseload));
    window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
    await Promise.all([panel('headline', headline), panel('caseload', caseload), panel('deadlines', deadlines),
      panel('fines', fines), panel('reviews', reviews)]);
  }

  start();
})();
