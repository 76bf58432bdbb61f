// The supervisor dashboard (issue #21 §4): one GET /api/dashboard, six charts, each with a table view and a CSV
// download built in the browser from the same rows. No build step: plain ES2017 and Apache ECharts.
'use strict';

const charts = {
  townships: {
    file: '各乡镇参保进度',
    columns: [
      ['township', '乡镇'], ['enrolled', '已参保'], ['awaitingPayment', '待缴费'], ['lapsed', '逾期未缴费'],
      ['inReview', '受理审核中'], ['previousYearEnrolled', '上年度参保人数（参照）']
    ],
    rows: d => d.townships,
    option: rows => ({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 50, right: 20, bottom: 70 },
      xAxis: { type: 'category', data: rows.map(r => r.township), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', name: '人' },
      series: [
        bar('已参保', rows.map(r => r.enrolled), 'progress'),
        bar('待缴费', rows.map(r => r.awaitingPayment), 'progress'),
        bar('逾期未缴费', rows.map(r => r.lapsed), 'progress'),
        bar('受理审核中', rows.map(r => r.inReview), 'progress'),
        { name: '上年度参保人数（参照）', type: 'line', data: rows.map(r => r.previousYearEnrolled), symbol: 'diamond' }
      ]
    })
  },
  subsidies: {
    file: '困难群众资助参保',
    columns: [['categoryName', '困难群众类别'], ['enrollments', '资助参保人数'], ['subsidyTotal', '财政资助金额（元）']],
    rows: d => d.subsidies,
    option: rows => ({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 60, right: 70, bottom: 80 },
      xAxis: { type: 'category', data: rows.map(r => r.categoryName), axisLabel: { rotate: 30 } },
      yAxis: [{ type: 'value', name: '人' }, { type: 'value', name: '元' }],
      series: [
        bar('资助参保人数', rows.map(r => r.enrollments)),
        { name: '财政资助金额（元）', type: 'line', yAxisIndex: 1, data: rows.map(r => Number(r.subsidyTotal)) }
      ]
    })
  },
  tasks: {
    file: '各部门待办及逾期任务',
    columns: [['departmentName', '部门'], ['open', '待办任务'], ['overdue', '已逾期']],
    rows: d => d.tasks,
    option: rows => ({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 150, right: 20 },
      yAxis: { type: 'category', data: rows.map(r => r.departmentName) },
      xAxis: { type: 'value', name: '件' },
      series: [bar('待办任务', rows.map(r => r.open)), bar('已逾期', rows.map(r => r.overdue))]
    })
  },
  majorMatters: {
    file: '重大事项请示报告办理情况',
    columns: [
      ['level', '层级'], ['stepName', '办理环节'], ['open', '在办件数'], ['upTo7Days', '7天以内'],
      ['from8To30Days', '8至30天'], ['over30Days', '30天以上'], ['oldestDays', '最长已办天数']
    ],
    rows: d => d.majorMatters,
    option: rows => ({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 50, right: 20, bottom: 80 },
      xAxis: { type: 'category', data: rows.map(r => r.level + '·' + r.stepName), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', name: '件', minInterval: 1 },
      series: [
        bar('7天以内', rows.map(r => r.upTo7Days), 'age'),
        bar('8至30天', rows.map(r => r.from8To30Days), 'age'),
        bar('30天以上', rows.map(r => r.over30Days), 'age')
      ]
    })
  },
  warnings: {
    file: '监测预警',
    columns: [['groupName', '人群'], ['warnings', '预警人数'], ['outOfPocket', '个人负担合计（元）']],
    rows: d => (d.warnings ? d.warnings.groups : []),
    option: rows => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c}人（{d}%）' },
      legend: { orient: 'vertical', left: 'left' },
      series: [{
        name: '预警人数', type: 'pie', radius: ['35%', '65%'],
        data: rows.map(r => ({ name: r.groupName, value: r.warnings }))
      }]
    })
  },
  referrals: {
    file: '转介核实结果',
    columns: [['departmentName', '核实部门'], ['outcomeName', '核实结果'], ['referrals', '人数']],
    rows: d => d.referralOutcomes || [],
    option: rows => {
      const outcomes = [...new Set(rows.map(r => r.outcomeName))];
      const departments = [...new Set(rows.map(r => r.departmentName))];
      return {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: {},
        grid: { left: 140, right: 20 },
        xAxis: { type: 'value', name: '人', minInterval: 1 },
        yAxis: { type: 'category', data: outcomes },
        series: departments.map(dep => ({
          name: dep, type: 'bar',
          data: outcomes.map(o => (rows.find(r => r.departmentName === dep && r.outcomeName === o) || { referrals: 0 }).referrals)
        }))
      };
    }
  },
  trend: {
    file: '每周受理及参保趋势',
    columns: [['weekStart', '周（自周一起）'], ['received', '受理申请'], ['enrolled', '其中已参保']],
    rows: d => d.trend,
    option: rows => ({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 50, right: 20 },
      xAxis: { type: 'category', data: rows.map(r => r.weekStart) },
      yAxis: { type: 'value', name: '件' },
      series: [
        { name: '受理申请', type: 'line', data: rows.map(r => r.received), smooth: true },
        { name: '其中已参保', type: 'line', data: rows.map(r => r.enrolled), smooth: true, areaStyle: {} }
      ]
    })
  }
};

function bar(name, data, stack) {
  return stack ? { name, type: 'bar', stack, data } : { name, type: 'bar', data };
}

const instances = {};
let current = null;

function el(tag, text) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

function renderTable(container, spec, rows) {
  container.replaceChildren();
  const table = el('table');
  const head = el('tr');
  spec.columns.forEach(([, label]) => head.appendChild(el('th', label)));
  table.appendChild(el('thead')).appendChild(head);
  const body = table.appendChild(el('tbody'));
  rows.forEach(r => {
    const tr = el('tr');
    spec.columns.forEach(([key]) => tr.appendChild(el('td', r[key] == null ? '' : String(r[key]))));
    body.appendChild(tr);
  });
  if (rows.length === 0) {
    const tr = el('tr');
    const td = el('td', '暂无数据');
    td.colSpan = spec.columns.length;
    tr.appendChild(td);
    body.appendChild(tr);
  }
  container.appendChild(table);
}

function csvCell(value) {
  const s = value == null ? '' : String(value);
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function downloadCsv(name) {
  if (!current) return;
  const spec = charts[name];
  const rows = spec.rows(current);
  const lines = [spec.columns.map(([, label]) => csvCell(label)).join(',')];
  rows.forEach(r => lines.push(spec.columns.map(([key]) => csvCell(r[key])).join(',')));
  // UTF-8 with a byte order mark, so that Excel opens the Chinese headers right
  const blob = new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
  const a = el('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${spec.file}_${current.regionName}_${current.coverageYear}.csv`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function render(data) {
  current = data;
  Object.entries(charts).forEach(([name, spec]) => {
    const panel = document.querySelector(`[data-chart="${name}"]`);
    const rows = spec.rows(data);
    const element = document.getElementById('chart-' + name);
    let chart = instances[name];
    if (!chart) {
      chart = instances[name] = echarts.init(element);
      // drawn and its animation over: what a screenshot (and a reader) should see
      chart.on('finished', () => { element.dataset.rendered = 'true'; });
    }
    delete element.dataset.rendered;
    chart.setOption(spec.option(rows), true);
    if (rows.length === 0) {
      chart.setOption({ title: { text: '暂无数据', left: 'center', top: 'middle', textStyle: { color: '#999', fontSize: 14 } } });
    }
    renderTable(panel.querySelector('.table'), spec, rows);
  });
  document.getElementById('targetNote').textContent = data.targetNote || '';
  document.getElementById('referralNote').textContent = data.referralNote || '';
  document.getElementById('warningNote').textContent = data.warnings
    ? `最近一次监测：截至 ${data.warnings.asOf}，筛查 ${data.warnings.scanned} 人，预警 ${data.warnings.total} 人`
    : '本地区本年度尚未开展监测筛查';
  document.getElementById('periodNote').textContent = data.collectionPeriod
    ? `征缴期：${data.collectionPeriod.start} 至 ${data.collectionPeriod.end}`
    : '本年度尚无生效的政策参数，按实际受理周次显示';
  const at = new Date(data.generatedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  status(`${data.regionName} ${data.coverageYear}年度，数据时间 ${at}`);
}

function status(text) {
  document.getElementById('status').textContent = text;
}

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const reasons = { 400: '查询条件有误', 401: '请先登录', 403: '您所在的部门无权查看督导看板', 404: '未找到该地区或无权查看' };
    throw new Error(reasons[response.status] || '查询失败，请稍后重试');
  }
  return body;
}

async function load() {
  const region = document.getElementById('region').value;
  const year = document.getElementById('year').value;
  const params = new URLSearchParams({ regionCode: region, coverageYear: year });
  history.replaceState(null, '', '/dashboard?' + params);
  status('正在查询…');
  try {
    render(await getJson('/api/dashboard?' + params));
  } catch (e) {
    status(e.message);
  }
}

async function init() {
  const query = new URLSearchParams(location.search);
  let me = null;
  let regions = [];
  try {
    [me, regions] = await Promise.all([getJson('/api/me'), getJson('/api/regions')]);
  } catch (e) {
    status(e.message);
    return;
  }
  const select = document.getElementById('region');
  regions.forEach(r => {
    const option = el('option', `${r.name}（${r.code}）`);
    option.value = r.code;
    select.appendChild(option);
  });
  select.value = query.get('regionCode') || me.regionCode;
  const fillYears = () => {
    const region = regions.find(r => r.code === select.value);
    const years = region ? region.activeCoverageYears.slice().sort() : [];
    document.getElementById('years').replaceChildren(...years.map(y => { const o = el('option'); o.value = y; return o; }));
    return years;
  };
  const years = fillYears();
  document.getElementById('year').value = query.get('coverageYear') || (years.length ? years[years.length - 1] : new Date().getFullYear());
  select.addEventListener('change', fillYears);
  document.getElementById('filters').addEventListener('submit', e => { e.preventDefault(); load(); });
  document.querySelectorAll('.panel').forEach(panel => {
    const name = panel.dataset.chart;
    panel.querySelector('.toggle').addEventListener('click', e => {
      const table = panel.querySelector('.table');
      const chart = panel.querySelector('.chart');
      const showTable = table.hidden;
      table.hidden = !showTable;
      chart.hidden = showTable;
      e.target.textContent = showTable ? '图表' : '表格';
      if (!showTable && instances[name]) instances[name].resize();
    });
    panel.querySelector('.csv').addEventListener('click', () => downloadCsv(name));
  });
  window.addEventListener('resize', () => Object.values(instances).forEach(c => c.resize()));
  load();
}

document.addEventListener('DOMContentLoaded', init);
